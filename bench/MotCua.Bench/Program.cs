using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.Bench;
using MotCua.Bench.Statistics;
using MotCua.Core.Catalog;

// MotCua catalogue benchmark: start-up time of the real deployable and search latency over a
// 2,000-procedure catalogue, over HTTP on loopback, with a same-run baseline (a trivial endpoint
// that touches no database). Usage, from the repository root:
//   dotnet build -c Release src/MotCua.Web && dotnet run -c Release --project bench/MotCua.Bench
// Appends its figures to bench/RESULTS.md. Also measures online submission throughput (SubmitBench).
// `-- statistics …` runs the statistics benchmark instead (StatisticsBench); `-- province …` the
// PostgreSQL submission, tracking and search benchmark (ProvinceBench, via bench/province-bench.sh).
var root = Directory.GetCurrentDirectory();
if (args.Length > 0 && args[0] == "statistics")
    return await StatisticsBench.RunAsync(args[1..], root);
if (args.Length > 0 && args[0] == "outbox")
    return await OutboxBench.RunAsync(args[1..], root);
if (args.Length > 0 && args[0] == "dvcqg-drain")
    return await MotCua.Bench.Dvcqg.DvcqgDrainBench.RunAsync(args[1..], root);
if (args.Length > 0 && args[0] == "durability-load")
    return await DurabilityLoad.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "queues")
    return await MotCua.Bench.Queues.QueueBench.RunAsync(args[1..], root);
if (args.Length > 0 && args[0] == "drilldowns")
    return await DrillDownBench.RunAsync(args[1..], root);
if (args.Length > 0 && args[0] == "province")
    return await ProvinceBench.RunAsync(args[1..], root);
var webDll = Path.Combine(root, "src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"Build first: dotnet build -c Release src/MotCua.Web ({webDll} missing)");
    return 1;
}
var work = Path.Combine(Path.GetTempPath(), "motcua-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
const string Url = "http://127.0.0.1:5187";
using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"## Catalogue benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Cpu()}, .NET {Environment.Version}, SQLite (embedded default), Release build, HTTP on loopback.");
report.AppendLine();

var cold = await StartAsync();
report.AppendLine(CultureInfo.InvariantCulture, $"- First start (create + migrate database, load demo data) to first page served: **{cold.Elapsed.TotalMilliseconds:0} ms**");
cold.Process.Kill(entireProcessTree: true);
await cold.Process.WaitForExitAsync();
var warm = await StartAsync();
report.AppendLine(CultureInfo.InvariantCulture, $"- Later start (database present) to first page served: **{warm.Elapsed.TotalMilliseconds:0} ms**");

try
{
    report.AppendLine(await SubmitBench.RunAsync(http));
    var token = await TokenAsync();
    var template = JsonSerializer.Deserialize<CatalogDocument>(
        await File.ReadAllTextAsync(Path.Combine(root, "src/MotCua.Web/Features/Catalog/DemoData/catalog-lang-son.json")), CatalogJson.Options)!;
    var synthetic = SyntheticCatalog.Generate(template, 2000);
    var import = Stopwatch.StartNew();
    using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/catalog/import") { Content = JsonContent.Create(synthetic, options: CatalogJson.Options) })
    {
        request.Headers.Authorization = new("Bearer", token);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
    import.Stop();
    var total = (await http.GetFromJsonAsync<JsonElement>("/api/catalog/procedures?pageSize=1")).GetProperty("total").GetInt32();
    report.AppendLine(CultureInfo.InvariantCulture, $"- Import of the 2,000-procedure synthetic catalogue (one transaction): **{import.Elapsed.TotalMilliseconds:0} ms**; procedures in force afterwards: {total}");
    report.AppendLine();
    report.AppendLine("| Request (2,000 procedures in force) | median ms | p95 ms | × baseline median |");
    report.AppendLine("|---|---|---|---|");

    var baseline = await MeasureAsync("/api/calendar/lunar?date=2026-02-17");
    report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: `/api/calendar/lunar` (no database) | {baseline.Median:0.00} | {baseline.P95:0.00} | 1.0 |");
    foreach (var (label, path) in new[]
    {
        ("search, no diacritics: `dang ky ho kinh doanh`", "/api/catalog/procedures?q=dang%20ky%20ho%20kinh%20doanh"),
        ("search, one common word: `giay`", "/api/catalog/procedures?q=giay"),
        ("search, with diacritics: `cấp giấy phép xây dựng`", "/api/catalog/procedures?q=c%E1%BA%A5p%20gi%E1%BA%A5y%20ph%C3%A9p%20x%C3%A2y%20d%E1%BB%B1ng"),
        ("search by code: `1.001612`", "/api/catalog/procedures?q=1.001612"),
        ("list, no text, page 50", "/api/catalog/procedures?page=50&pageSize=20"),
        ("filter: sector + online level", "/api/catalog/procedures?sector=G15-TP07&onlineLevel=FullyOnline"),
        ("procedure detail `1.001612`", "/api/catalog/procedures/1.001612"),
        ("portal page `/thu-tuc?q=dang ky ket hon`", "/thu-tuc?q=dang+ky+ket+hon"),
    })
    {
        var m = await MeasureAsync(path);
        report.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {m.Median:0.00} | {m.P95:0.00} | {m.Median / baseline.Median:0.0} |");
    }
}
finally
{
    warm.Process.Kill(entireProcessTree: true);
    await warm.Process.WaitForExitAsync();
    try { Directory.Delete(work, recursive: true); }
    catch (IOException) { /* temp folder */ }
}
report.AppendLine();
report.AppendLine("Each row: 30 warm-up requests, then 300 sequential requests; latency measured by the client.");
report.AppendLine();
var results = Path.Combine(root, "bench/RESULTS.md");
if (!File.Exists(results))
    await File.WriteAllTextAsync(results, "# MotCua benchmark results\n\nFigures are appended by the benchmarks in this folder, newest last.\n\n");
await File.AppendAllTextAsync(results, report.ToString());
Console.WriteLine(report);
return 0;

async Task<(Process Process, TimeSpan Elapsed)> StartAsync()
{
    var clock = Stopwatch.StartNew();
    var info = new ProcessStartInfo("dotnet", [webDll, "--urls", Url])
    {
        WorkingDirectory = work,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(info)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    while (clock.Elapsed < TimeSpan.FromMinutes(2))
    {
        try
        {
            if ((await http.GetAsync("/")).IsSuccessStatusCode)
                return (process, clock.Elapsed);
        }
        catch (HttpRequestException)
        {
            // not listening yet
        }
        await Task.Delay(20);
    }
    throw new TimeoutException("The web application did not start within 2 minutes.");
}

async Task<string> TokenAsync()
{
    var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = "admin.demo", password = "MotCua@2026" });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

async Task<(double Median, double P95)> MeasureAsync(string path)
{
    for (var i = 0; i < 30; i++)
        (await http.GetAsync(path)).EnsureSuccessStatusCode();
    var samples = new double[300];
    for (var i = 0; i < samples.Length; i++)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        sw.Stop();
        response.EnsureSuccessStatusCode();
        samples[i] = sw.Elapsed.TotalMilliseconds;
    }
    Array.Sort(samples);
    return (samples[samples.Length / 2], samples[(int)(samples.Length * 0.95)]);
}

static string Cpu()
{
    try
    {
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }
    catch (IOException)
    {
        return "unknown CPU";
    }
}
