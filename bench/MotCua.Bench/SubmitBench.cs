using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MotCua.Bench;

/// <summary>
/// Online submission throughput against a running server (SQLite, demo data): each submission is
/// one file upload plus one submit, as the portal does; sequential and with concurrent clients.
/// Baseline in the same run: GET /api/calendar/lunar (no database).
/// </summary>
public static class SubmitBench
{
    private static readonly byte[] Pdf = BenchPdf.Build();

    public static async Task<string> RunAsync(HttpClient http, int total = 400)
    {
        var token = await TokenAsync(http, "citizen.demo");
        var caseCode = await CaseCodeAsync(http);
        Task One(HttpClient client) => SubmitAsync(client, caseCode);
        HttpClient Client()
        {
            var c = new HttpClient { BaseAddress = http.BaseAddress };
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return c;
        }
        using var warm = Client();
        for (var i = 0; i < 20; i++)
            await One(warm);

        var baseline = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++)
            (await http.GetAsync("/api/calendar/lunar?date=2026-02-17")).EnsureSuccessStatusCode();
        var baselinePerSecond = 2000 / baseline.Elapsed.TotalSeconds;

        var sequential = Stopwatch.StartNew();
        for (var i = 0; i < total / 2; i++)
            await One(warm);
        var sequentialPerSecond = total / 2 / sequential.Elapsed.TotalSeconds;

        var clients = Enumerable.Range(0, 8).Select(_ => Client()).ToArray();
        var parallel = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async c =>
        {
            for (var i = 0; i < total / 16; i++)
                await One(c);
        }));
        var parallelPerSecond = total / 2 / parallel.Elapsed.TotalSeconds;
        foreach (var c in clients)
            c.Dispose();

        return string.Create(CultureInfo.InvariantCulture, $"""

            | Online submission (upload 1 file + submit, SQLite) | per second | × baseline |
            |---|---|---|
            | baseline: `/api/calendar/lunar` requests, sequential | {baselinePerSecond:0} | 1.0 |
            | submissions, 1 client, sequential ({total / 2}) | {sequentialPerSecond:0.0} | {sequentialPerSecond / baselinePerSecond:0.000} |
            | submissions, 8 concurrent clients ({total / 2}) | {parallelPerSecond:0.0} | {parallelPerSecond / baselinePerSecond:0.000} |

            """);
    }

    /// <summary>One online submission as the portal does it: upload one file, then submit (procedure 2.001610, received at TTPVHCC); returns the dossier id.</summary>
    public static async Task<long> SubmitAsync(HttpClient client, string caseCode)
    {
        var formData = new Dictionary<string, object>
        {
            ["enterpriseName"] = "Doanh nghiệp tư nhân Thử tải",
            ["headOffice"] = "Phường Đông Kinh",
            ["businessLines"] = new[] { new Dictionary<string, string> { ["vsicCode"] = "4711", ["lineName"] = "Bán lẻ" } },
            ["investmentCapital"] = 500_000_000,
        };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "giay-de-nghi.pdf");
        var uploaded = await client.PostAsync("/api/files", form);
        if (!uploaded.IsSuccessStatusCode)
            throw new HttpRequestException($"upload: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");
        var fileId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers")
        {
            Content = JsonContent.Create(new { procedureCode = "2.001610", caseCode, formData, documents = new[] { new { index = 0, fileId } } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"submit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<string> CaseCodeAsync(HttpClient http)
    {
        var detail = await http.GetFromJsonAsync<JsonElement>("/api/catalog/procedures/2.001610");
        return detail.GetProperty("definition").GetProperty("cases")[0].GetProperty("code").GetString()!;
    }

    private static readonly Dictionary<string, long> LastStepByUser = new(StringComparer.Ordinal);

    public static async Task<string> TokenAsync(HttpClient http, string user)
    {
        // Officers sign in with a second factor: the demo accounts share the demo TOTP secret. A code
        // is accepted once per account (replay protection), so a second sign-in waits for the next step.
        var generator = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(MotCua.Web.Features.DemoData.DemoSecondFactor.Secret));
        long step;
        lock (LastStepByUser)
            step = LastStepByUser.GetValueOrDefault(user, -1);
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 <= step)
            await Task.Delay(TimeSpan.FromSeconds(1));
        var now = DateTime.UtcNow;
        lock (LastStepByUser)
            LastStepByUser[user] = new DateTimeOffset(now).ToUnixTimeSeconds() / 30;
        var totp = generator.ComputeTotp(now);
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "MotCua@2026", totp });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
