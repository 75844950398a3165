using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Bench.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.DemoData;
using OtpNet;

namespace MotCua.Bench.Queues;

/// <summary>
/// Office queue benchmark: the Release deployable started on a database the statistics benchmark
/// kept (`statistics --keep`), then every queue of the reception desk, the handler and the leader
/// through GET /api/dossiers (page 1, a deep page, search by code and by applicant, a status filter),
/// the tab counts and the office page /office/ho-so itself, with a same-run baseline (a trivial
/// endpoint). Usage, from the repository root:
///   dotnet run -c Release --project bench/MotCua.Bench -- queues --provider postgres|sqlite --connection "…" --work bench/.work/stats-… [--samples 30] [--label before]
/// `--work` is the kept folder (its data/keys decrypt the demo officers' second factor). Appends a table to bench/RESULTS.md.
/// </summary>
public static class QueueBench
{
    private const string Url = "http://127.0.0.1:5189";
    private static readonly string[] Queues = ["NewOnline", "ToProcess", "Mine", "DueSoon", "Overdue", "AwaitingSupplement", "ReadyToReturn", "All"];

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var run = await KeptDatabaseRun.StartAsync(args, root, defaultSamples: 30);
        var (provider, connection, samples, deployable) = (run.Provider, run.Connection, run.Samples, run.Deployable);
        var dossiers = Count(provider, connection);
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
        var server = await deployable.StartServerAsync(http, Url);
        var report = new StringBuilder();
        try
        {
            var probe = new HttpProbe(http);
            var load = LoadAverage.Now();
            var baseline = (await probe.MeasureAsync("/api/calendar/lunar?date=2026-02-17", null, 30, 300)).Latency!;
            report.AppendLine(CultureInfo.InvariantCulture, $"## Office queues{run.LabelSuffix}, {provider}, {dossiers:N0} dossiers, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Load average at start {load}; one client, sequential requests on loopback, {samples} samples after a warm-up; Release build.");
            report.AppendLine();
            report.AppendLine("| Request | p50 ms | p95 ms | × baseline p50 |");
            report.AppendLine("|---|---|---|---|");
            report.AppendLine(CultureInfo.InvariantCulture, $"| baseline `/api/calendar/lunar` (no database) | {baseline.Median:0.00} | {baseline.P95:0.00} | 1.0 |");
            foreach (var user in new[] { "reception.demo", "handler.demo", "leader.demo" })
            {
                var token = await TokenAsync(http, user);
                async Task Row(string name, string path)
                {
                    var (latency, status) = await probe.MeasureAsync(path, token, 2, samples);
                    var line = latency is null ? $"| {user} {name} | HTTP {(int)status} | | |"
                        : string.Create(CultureInfo.InvariantCulture, $"| {user} {name} | {latency.Median:0.0} | {latency.P95:0.0} | {latency.Median / baseline.Median:0} |");
                    report.AppendLine(line);
                    Console.Error.WriteLine("  " + line);
                }
                foreach (var queue in Queues)
                    await Row($"`{queue}` page 1", $"/api/dossiers?queue={queue}");
                await Row("`All` page 50", "/api/dossiers?queue=All&page=50");
                await Row("`All` status 10", "/api/dossiers?queue=All&status=10");
                var sample = await SampleAsync(http, token);
                if (sample is { } first && first.GetProperty("code").GetString() is { } code)
                    await Row("search by code", "/api/dossiers?queue=All&q=" + Uri.EscapeDataString(code));
                if (sample is { } one)
                    await Row("search by applicant", "/api/dossiers?queue=All&q=" + Uri.EscapeDataString(one.GetProperty("applicantName").GetString()!));
                await Row("tab counts `/api/dossiers/queue-counts`", "/api/dossiers/queue-counts");
                await PageRowAsync(report, user, samples, baseline);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"\nLoad average at end {LoadAverage.Now()}.\n");
        Console.WriteLine(report);
        await File.AppendAllTextAsync(Path.Combine(root, "bench/RESULTS.md"), "\n" + report);
        return 0;
    }

    /// <summary>The office page /office/ho-so (default queue, all tab counts) through a cookie session, as a browser asks for it.</summary>
    private static async Task PageRowAsync(StringBuilder report, string user, int samples, Latency baseline)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
        var form = await browser.GetStringAsync("/office/dang-nhap");
        var antiForgery = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await Task.Delay(TimeSpan.FromSeconds(31)); // a TOTP code is accepted once per 30-second step
        using var signIn = await browser.PostAsync("/office/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = DemoDataSeeder.DemoPassword,
            ["totp"] = Code(),
            ["__RequestVerificationToken"] = antiForgery,
        }));
        var probe = new HttpProbe(browser);
        var (latency, status) = await probe.MeasureAsync("/office/ho-so", null, 2, samples);
        var line = latency is null ? $"| {user} office page `/office/ho-so` | HTTP {(int)status} | | |"
            : string.Create(CultureInfo.InvariantCulture, $"| {user} office page `/office/ho-so` (list + 8 tab counts) | {latency.Median:0.0} | {latency.P95:0.0} | {latency.Median / baseline.Median:0} |");
        report.AppendLine(line);
        Console.Error.WriteLine("  " + line);
    }

    /// <summary>A dossier of the third page of the caller's "All" queue: its code and applicant are searched for.</summary>
    private static async Task<JsonElement?> SampleAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dossiers?queue=All&page=3");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        return items.GetArrayLength() > 0 ? items[0].Clone() : null;
    }

    private static async Task<string> TokenAsync(HttpClient http, string user)
    {
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = DemoDataSeeder.DemoPassword, totp = Code() });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static string Code() => new Totp(Base32Encoding.ToBytes(DemoSecondFactor.Secret)).ComputeTotp(DateTime.UtcNow);

    private static long Count(DatabaseProvider provider, string connection)
    {
        using var c = Sql.Open(provider, connection);
        return Sql.Scalar<long>(c, "SELECT count(*) FROM \"Dossiers\"");
    }
}
