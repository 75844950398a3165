using System.Net;
using System.Text.Json.Nodes;
using MotCua.Web.Features.Integrations.Core;

namespace MotCua.Web.Features.Integrations.Dvcqg;

/// <summary>A failed exchange with the national portal: no answer, an HTTP error, a malformed or an error answer.</summary>
public sealed class DvcqgException(string message) : InvalidOperationException(message);

/// <summary>
/// How a service of the national portal's adapter is called. <see cref="DirectDvcqgTransport"/> goes
/// straight to the VPCP adapter; the LGSP transport (through the provincial gateway, its own OAuth2
/// token) plugs in here (docs/integrations/dvcqg.md#transport).
/// </summary>
public interface IDvcqgTransport
{
    /// <summary>Calls <paramref name="service"/> with its fields (besides session, madonvi and service) and returns the parsed answer.</summary>
    /// <exception cref="DvcqgException">No usable answer (network, HTTP status, malformed JSON).</exception>
    Task<DvcqgAnswer> CallAsync(string service, JsonObject fields, CancellationToken ct);
}

/// <summary>
/// Direct transport (docs/integrations/dvcqg.md#transport): a session token from <c>POST AuthUrl</c>
/// with <c>{"username","password"}</c>, cached and reused by every call; each call is
/// <c>POST ServiceUrl</c> with <c>{"session","madonvi","service",…}</c>. An answer saying the session
/// expired gets a new token and the call is made once more. Every call is written to the message log,
/// with the password and session token masked.
/// </summary>
public sealed class DirectDvcqgTransport(DvcqgOptions options, ExchangeLog log, TimeProvider time) : IDvcqgTransport, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
    private readonly SemaphoreSlim _sessionGate = new(1, 1);
    private readonly DvcqgExchange _exchange = new(log, time, options.TimeoutSeconds);
    private string? _session;

    public async Task<DvcqgAnswer> CallAsync(string service, JsonObject fields, CancellationToken ct)
    {
        var session = await SessionAsync(stale: null, ct);
        var answer = await PostServiceAsync(service, fields, session, ct);
        if (!answer.SessionExpired)
            return answer;
        session = await SessionAsync(stale: session, ct);
        return await PostServiceAsync(service, fields, session, ct);
    }

    private async Task<DvcqgAnswer> PostServiceAsync(string service, JsonObject fields, string session, CancellationToken ct)
    {
        var body = new JsonObject { ["session"] = session, ["madonvi"] = options.UnitCode ?? "", ["service"] = service };
        foreach (var (name, value) in fields)
            body[name] = value?.DeepClone();
        var masked = (JsonObject)body.DeepClone();
        masked["session"] = "***";
        var (status, text) = await _exchange.PostAsync(_http, options.ServiceUrl!, service, body.ToJsonString(DvcqgFormat.Json),
            masked.ToJsonString(DvcqgFormat.Json), null, acceptUnauthorized: true, ct);
        return status == HttpStatusCode.Unauthorized ? new DvcqgAnswer("401", "session expired (HTTP 401)", null, null) : DvcqgExchange.Parse(service, text);
    }

    private async Task<string> SessionAsync(string? stale, CancellationToken ct)
    {
        await _sessionGate.WaitAsync(ct);
        try
        {
            if (_session is not null && _session != stale)
                return _session;
            var request = new JsonObject { ["username"] = options.UserName ?? "", ["password"] = options.Password ?? "" };
            var masked = new JsonObject { ["username"] = options.UserName ?? "", ["password"] = "***" };
            var (_, text) = await _exchange.PostAsync(_http, options.AuthUrl ?? options.ServiceUrl!, "auth", request.ToJsonString(DvcqgFormat.Json),
                masked.ToJsonString(DvcqgFormat.Json), DvcqgExchange.MaskSession, acceptUnauthorized: true, ct);
            var answer = DvcqgExchange.Parse("auth", text);
            if (!answer.Succeeded || string.IsNullOrEmpty(answer.Session))
                throw new DvcqgException($"auth: error_code {answer.ErrorCode}: {answer.Message}");
            return _session = answer.Session;
        }
        finally
        {
            _sessionGate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _sessionGate.Dispose();
    }
}
