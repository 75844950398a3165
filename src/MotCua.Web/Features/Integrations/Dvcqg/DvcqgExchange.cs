using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Lgsp;

namespace MotCua.Web.Features.Integrations.Dvcqg;

/// <summary>
/// One HTTP exchange with DVCQG, whichever the transport (docs/integrations/dvcqg.md#transport): posts the
/// JSON body, writes the call to the message log (the body as given for the log, secrets already masked),
/// and turns every failure — no connection, timeout, LGSP token refused, HTTP error — into a
/// <see cref="DvcqgException"/> with a message the "Liên thông" page shows.
/// </summary>
public sealed class DvcqgExchange(ExchangeLog log, TimeProvider time, int timeoutSeconds)
{
    /// <param name="acceptUnauthorized">A 401 is returned to the caller (the direct transport reads it as an expired session) instead of failing.</param>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, string url, string operation, string body, string loggedBody,
        Func<string, string>? maskAnswer, bool acceptUnauthorized, CancellationToken ct)
    {
        var at = time.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var ok = response.IsSuccessStatusCode || (acceptUnauthorized && response.StatusCode == HttpStatusCode.Unauthorized);
            await log.RecordAsync(new ExchangeRecord(DvcqgOptions.Target, operation, at, watch.Elapsed, loggedBody, maskAnswer is null ? text : maskAnswer(text),
                (int)response.StatusCode, ok && LooksSuccessful(text), ok ? null : $"HTTP {(int)response.StatusCode}"));
            if (!ok)
                throw new DvcqgException($"{operation}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            return (response.StatusCode, text);
        }
        catch (Exception ex) when (ex is HttpRequestException or LgspTokenException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var error = ex switch
            {
                TaskCanceledException => $"{operation}: quá thời gian chờ ({timeoutSeconds} giây)",
                LgspTokenException => $"{operation}: không lấy được token của LGSP ({ex.Message})",
                _ => $"{operation}: không kết nối được ({ex.Message})",
            };
            await log.RecordAsync(new ExchangeRecord(DvcqgOptions.Target, operation, at, watch.Elapsed, loggedBody, null, null, false, error));
            throw new DvcqgException(error);
        }
    }

    public static DvcqgAnswer Parse(string operation, string text)
    {
        try
        {
            return DvcqgAnswer.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new DvcqgException($"{operation}: phản hồi không phải JSON hợp lệ ({ex.Message})");
        }
    }

    public static bool LooksSuccessful(string text)
    {
        try
        {
            return DvcqgAnswer.Parse(text).Succeeded;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The session token of an auth answer replaced by "***" before it is logged.</summary>
    public static string MaskSession(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject o && o.ContainsKey("session"))
            {
                o["session"] = "***";
                return o.ToJsonString(DvcqgFormat.Json);
            }
        }
        catch (JsonException)
        {
            // Kept as received: not JSON, so no token to mask.
        }
        return text;
    }
}
