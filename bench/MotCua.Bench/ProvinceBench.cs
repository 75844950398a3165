using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.Bench.Statistics;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// Province-scale paths on PostgreSQL, for one or more builds of the deployable in the same run
/// (e.g. before=… after=…), each against its own fresh database on the same cluster: online
/// submission at 8 clients (with statements per submission from pg_stat_statements), public
/// tracking at 8 clients, catalogue search over 2,000 procedures. Same-run baselines: pgbench
/// TPC-B at 8 clients on the same cluster (before and after the builds) and a trivial endpoint.
/// Usage: bench/province-bench.sh (starts the cluster, fsync on, with pg_stat_statements).
/// </summary>
public static class ProvinceBench
{
    private const string Url = "http://127.0.0.1:5188";
    private static int _failures;

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var server = Arg(args, "--pg") ?? "Host=127.0.0.1;Port=55445;Username=postgres";
        var pgdata = Arg(args, "--pgdata") ?? Path.Combine(root, "bench", ".work", "pg-province-bench", "data");
        var builds = args.Where(a => a.Contains('=', StringComparison.Ordinal) && !a.Contains(';', StringComparison.Ordinal) && !a.StartsWith("--", StringComparison.Ordinal))
            .Select(a => a.Split('=', 2)).Select(p => (Label: p[0], Dll: Path.GetFullPath(p[1]))).ToArray();
        if (builds.Length == 0)
            builds = [("this branch", Path.Combine(root, "src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll"))];
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Province paths on PostgreSQL, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        var settings = await ScalarAsync(server, "postgres",
            "SELECT version() || ' (fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' || current_setting('shared_buffers') || ')'");
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {settings}, Release builds, HTTP on loopback, server, database and clients on the same 2 cores. Load average at start: {LoadAverage.Now()}.");
        report.AppendLine();
        var pgbenchBefore = await PgbenchAsync(server);
        var rows = new List<(string Label, BuildFigures Figures)>();
        foreach (var (label, dll) in builds)
            rows.Add((label, await MeasureBuildAsync(server, pgdata, label, dll, root)));
        var pgbenchAfter = await PgbenchAsync(server);
        var pgbench = (pgbenchBefore + pgbenchAfter) / 2;
        report.AppendLine(CultureInfo.InvariantCulture, $"pgbench TPC-B (scale 8, 8 clients, 2 threads, 20 s) on the same cluster: {pgbenchBefore:0} tps before the builds, {pgbenchAfter:0} tps after; mean **{pgbench:0} tps**. Load average at the end: {LoadAverage.Now()}.");
        report.AppendLine();
        report.AppendLine("| Figure | " + string.Join(" | ", rows.Select(r => r.Label)) + " |");
        report.AppendLine("|---|" + string.Concat(rows.Select(_ => "---|")));
        void Row(string name, Func<BuildFigures, string> cell) => report.AppendLine($"| {name} | " + string.Join(" | ", rows.Select(r => cell(r.Figures))) + " |");
        Row("trivial endpoint `/api/calendar/lunar`, 8 clients, req/s", f => F0(f.TrivialPerSecond));
        Row("online submissions (upload + submit), 8 clients, per second", f => F1(f.SubmitsPerSecond));
        Row("… as % of pgbench TPC-B tps (target ≥ 25 %)", f => F1(100 * f.SubmitsPerSecond / pgbench) + " %");
        Row("statements per submission (pg_stat_statements calls, upload + submit, 100 sequential)", f => F1(f.StatementsPerSubmission));
        Row("transactions committed per submission", f => F1(f.CommitsPerSubmission));
        Row("tracking look-ups (right check value), 8 clients, req/s", f => F0(f.TrackingPerSecond));
        Row("… as % of the trivial endpoint's rate (target ≥ 30 %)", f => F1(100 * f.TrackingPerSecond / f.TrivialPerSecond) + " %");
        Row("… latency p50 / p99 ms under that load (target p99 < 20 ms)", f => $"{F2(f.TrackingP50)} / {F2(f.TrackingP99)}");
        Row("… answers that were not 2xx", f => F0(f.TrackingFailures));
        foreach (var (label, _) in SearchPaths)
            Row($"search p50 / p99 ms, 1 client: {label}", f => $"{F2(f.Search[label].P50)} / {F2(f.Search[label].P99)}");
        Row("baseline p50 / p99 ms, 1 client: `/api/calendar/lunar`", f => $"{F2(f.TrivialP50)} / {F2(f.TrivialP99)}");
        Row("CPU ms per submission: web process / PostgreSQL", f => $"{F2(f.SubmitCpu.WebMs)} / {F2(f.SubmitCpu.DatabaseMs)}");
        Row("CPU ms per tracking look-up: web process / PostgreSQL", f => $"{F2(f.TrackingCpu.WebMs)} / {F2(f.TrackingCpu.DatabaseMs)}");
        Row("web process peak resident memory, MB", f => F0(f.WebPeakRssMb));
        report.AppendLine();
        report.AppendLine("Each build gets a fresh database (deployable verb `demo-seed`) on the same cluster, the notification outbox off (delivery is measured on its own), and the tracking limits raised. Submissions: 20 warm-up, 100 sequential (counted by pg_stat_statements), then 8 clients × 40. Tracking: 20 accepted dossiers, 8 clients × 1,500 look-ups. Search: 2,000-procedure synthetic catalogue imported, 30 warm-up then 300 sequential requests per row.");
        report.AppendLine();
        var results = Path.Combine(root, "bench/RESULTS.md");
        await File.AppendAllTextAsync(results, report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private static readonly (string Label, string Path)[] SearchPaths =
    [
        ("`q=dang ky ho kinh doanh`", "/api/catalog/procedures?q=dang%20ky%20ho%20kinh%20doanh"),
        ("`q=giay`", "/api/catalog/procedures?q=giay"),
        ("`q=cấp giấy phép xây dựng`", "/api/catalog/procedures?q=c%E1%BA%A5p%20gi%E1%BA%A5y%20ph%C3%A9p%20x%C3%A2y%20d%E1%BB%B1ng"),
        ("list page 50", "/api/catalog/procedures?page=50&pageSize=20"),
        ("sector + online level", "/api/catalog/procedures?sector=G15-TP07&onlineLevel=FullyOnline"),
        ("portal `/thu-tuc?q=dang ky ket hon`", "/thu-tuc?q=dang+ky+ket+hon"),
    ];

    private sealed class BuildFigures
    {
        public double TrivialPerSecond { get; set; }
        public double TrivialP50 { get; set; }
        public double TrivialP99 { get; set; }
        public double SubmitsPerSecond { get; set; }
        public double StatementsPerSubmission { get; set; }
        public double CommitsPerSubmission { get; set; }
        public double TrackingPerSecond { get; set; }
        public double TrackingP50 { get; set; }
        public double TrackingP99 { get; set; }
        public Dictionary<string, (double P50, double P99)> Search { get; } = [];
        public (double WebMs, double DatabaseMs) SubmitCpu { get; set; }
        public (double WebMs, double DatabaseMs) TrackingCpu { get; set; }
        public double WebPeakRssMb { get; set; }
        public int TrackingFailures { get; set; }
    }

    private static async Task<BuildFigures> MeasureBuildAsync(string server, string pgdata, string label, string dll, string root)
    {
        var name = "motcua_" + new string(label.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        await ExecAsync(server, "postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecAsync(server, "postgres", $"CREATE DATABASE {name}");
        await ExecAsync(server, name, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        var connection = server + ";Database=" + name;
        var work = Path.Combine(Path.GetTempPath(), "motcua-province-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var deployable = new Deployable(dll, DatabaseProvider.Postgres, connection, work, new Dictionary<string, string>
        {
            ["Outbox__Enabled"] = "false",
            ["Tracking__PermitsPerMinute"] = "100000000",
            ["Tracking__PermitsPerCodePerMinute"] = "100000000",
        });
        var seed = await deployable.RunVerbAsync("demo-seed");
        if (seed.ExitCode != 0)
            throw new InvalidOperationException("demo-seed failed: " + seed.Output);
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
        var process = await deployable.StartServerAsync(http, Url);
        var f = new BuildFigures();
        var cpu = new CpuMeter(process.Id, CpuMeter.Postmaster(pgdata));
        try
        {
            Console.Error.WriteLine($"[{label}] trivial endpoint");
            (f.TrivialPerSecond, _, _) = await LoadAsync(http, 8, 2000, (c, _) => c.GetAsync("/api/calendar/lunar?date=2026-02-17"));
            (f.TrivialP50, f.TrivialP99) = await LatencyAsync(http, "/api/calendar/lunar?date=2026-02-17");

            Console.Error.WriteLine($"[{label}] submissions");
            var citizen = await SubmitBench.TokenAsync(http, "citizen.demo");
            var caseCode = await SubmitBench.CaseCodeAsync(http);
            using var one = Authorised(citizen);
            var ids = new List<long>();
            for (var i = 0; i < 20; i++)
                ids.Add(await SubmitBench.SubmitAsync(one, caseCode));
            await ExecAsync(server, name, "SELECT pg_stat_statements_reset()");
            // Backends flush their transaction counts when idle, within 10 s (PostgreSQL 15).
            await Task.Delay(TimeSpan.FromSeconds(11));
            var commitsBefore = await CommitsAsync(server, name);
            for (var i = 0; i < 100; i++)
                await SubmitBench.SubmitAsync(one, caseCode);
            await Task.Delay(TimeSpan.FromSeconds(11));
            f.CommitsPerSubmission = (await CommitsAsync(server, name) - commitsBefore) / 100.0;
            f.StatementsPerSubmission = await StatementCallsAsync(server, name) / 100.0;
            var clients = Enumerable.Range(0, 8).Select(_ => Authorised(citizen)).ToArray();
            var cpuBefore = cpu.Sample();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(async c =>
            {
                for (var i = 0; i < 40; i++)
                    await SubmitBench.SubmitAsync(c, caseCode);
            }));
            f.SubmitsPerSecond = 8 * 40 / clock.Elapsed.TotalSeconds;
            f.SubmitCpu = PerOperation(cpuBefore, cpu.Sample(), 8 * 40);
            foreach (var c in clients)
                c.Dispose();

            Console.Error.WriteLine($"[{label}] tracking");
            using var reception = Authorised(await SubmitBench.TokenAsync(http, "reception.demo"));
            var tracked = new List<(string Code, string Check)>();
            foreach (var id in ids)
            {
                (await reception.PostAsJsonAsync($"/api/dossiers/{id}/accept", new { })).EnsureSuccessStatusCode();
                var detail = await one.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}");
                tracked.Add((detail.GetProperty("code").GetString()!, detail.GetProperty("applicantPhone").GetString()![^4..]));
            }
            cpuBefore = cpu.Sample();
            (f.TrackingPerSecond, f.TrackingP50, f.TrackingP99) = await LoadAsync(http, 8, 1500, (c, i) =>
            {
                var (code, check) = tracked[i % tracked.Count];
                return c.GetAsync($"/api/tracking/{Uri.EscapeDataString(code)}?check={check}");
            });
            f.TrackingCpu = PerOperation(cpuBefore, cpu.Sample(), 8 * 1550);
            f.TrackingFailures = Interlocked.Exchange(ref _failures, 0);

            Console.Error.WriteLine($"[{label}] search");
            using var admin = Authorised(await SubmitBench.TokenAsync(http, "admin.demo"));
            var template = JsonSerializer.Deserialize<CatalogDocument>(
                await File.ReadAllTextAsync(Path.Combine(root, "src/MotCua.Web/Features/Catalog/DemoData/catalog-lang-son.json")), CatalogJson.Options)!;
            (await admin.PostAsync("/api/catalog/import", JsonContent.Create(SyntheticCatalog.Generate(template, 2000), options: CatalogJson.Options))).EnsureSuccessStatusCode();
            foreach (var (searchLabel, path) in SearchPaths)
                f.Search[searchLabel] = await LatencyAsync(http, path);
            f.WebPeakRssMb = PeakRssMb(process.Id);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(work, recursive: true); }
            catch (IOException) { /* temp folder */ }
        }
        return f;

        HttpClient Authorised(string token)
        {
            var c = new HttpClient { BaseAddress = new Uri(Url) };
            c.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return c;
        }
    }

    /// <summary>Requests from <paramref name="clients"/> concurrent clients: rate, and p50 / p99 latency in ms.</summary>
    private static async Task<(double PerSecond, double P50, double P99)> LoadAsync(HttpClient http, int clients, int each, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        var samples = new double[clients * each];
        var pool = Enumerable.Range(0, clients).Select(_ => new HttpClient { BaseAddress = http.BaseAddress }).ToArray();
        for (var i = 0; i < 50; i++)
            (await send(pool[0], i)).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(pool.Select(async (c, k) =>
        {
            for (var i = 0; i < each; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await send(c, k * each + i);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref _failures); // counted and reported, not fatal: the old tracking path answered 500 under concurrent look-ups
                samples[k * each + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }));
        var rate = samples.Length / clock.Elapsed.TotalSeconds;
        foreach (var c in pool)
            c.Dispose();
        Array.Sort(samples);
        return (rate, samples[samples.Length / 2], samples[(int)(samples.Length * 0.99)]);
    }

    private static async Task<(double P50, double P99)> LatencyAsync(HttpClient http, string path)
    {
        for (var i = 0; i < 30; i++)
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
        var samples = new double[300];
        for (var i = 0; i < samples.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        return (samples[samples.Length / 2], samples[(int)(samples.Length * 0.99)]);
    }

    /// <summary>pgbench TPC-B (its default script) at 8 clients for 20 s on a scale-8 database of the same cluster.</summary>
    private static async Task<double> PgbenchAsync(string server)
    {
        var b = new NpgsqlConnectionStringBuilder(server);
        string[] common = ["-h", b.Host!, "-p", b.Port.ToString(CultureInfo.InvariantCulture), "-U", b.Username!];
        if (await ScalarAsync(server, "postgres", "SELECT count(*)::text FROM pg_database WHERE datname = 'pgbench'") == "0")
        {
            await ExecAsync(server, "postgres", "CREATE DATABASE pgbench");
            await RunToolAsync("pgbench", [.. common, "-i", "-q", "-s", "8", "pgbench"]);
        }
        var output = await RunToolAsync("pgbench", [.. common, "-c", "8", "-j", "2", "-T", "20", "-n", "pgbench"]);
        var line = output.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        return double.Parse(line[6..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunToolAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} failed: {await error}");
        return await output;
    }

    private static async Task<long> CommitsAsync(string server, string database) =>
        long.Parse(await ScalarAsync(server, "postgres", $"SELECT xact_commit::text FROM pg_stat_database WHERE datname = '{database}'"), CultureInfo.InvariantCulture);

    /// <summary>Statements this database ran since the reset (BEGIN and COMMIT included), not counting the benchmark's own.</summary>
    private static async Task<long> StatementCallsAsync(string server, string database) =>
        long.Parse(await ScalarAsync(server, database,
            "SELECT coalesce(sum(calls), 0)::text FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
            + $"WHERE d.datname = '{database}' AND s.query NOT LIKE '%pg_stat_statements%'"), CultureInfo.InvariantCulture);

    private static async Task ExecAsync(string server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(server + ";Database=" + database + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(string server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(server + ";Database=" + database + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static (double WebMs, double DatabaseMs) PerOperation((double Web, double Db) before, (double Web, double Db) after, int operations) =>
        ((after.Web - before.Web) * 1000 / operations, (after.Db - before.Db) * 1000 / operations);

    private static double PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    private static string F0(double v) => v.ToString("0", CultureInfo.InvariantCulture);
    private static string F1(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    private static string F2(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>
/// CPU time used so far by the web server process and by the PostgreSQL cluster (its postmaster
/// and every process it started), from /proc (Linux): what one operation costs each tier.
/// </summary>
internal sealed class CpuMeter(int webPid, int postmasterPid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public (double WebSeconds, double DatabaseSeconds) Sample()
    {
        double web = 0, database = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                // Fields after the command name in parentheses: state ppid … utime (14th) stime (15th).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                if (pid == webPid)
                    web += seconds;
                else if (pid == postmasterPid || ppid == postmasterPid)
                    database += seconds;
            }
            catch (IOException)
            {
                // the process ended
            }
        }
        return (web, database);
    }

    public static int Postmaster(string dataFolder) =>
        int.Parse(File.ReadLines(Path.Combine(dataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
}
