using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Bench.Statistics;

/// <summary>
/// Statistics benchmark (docs/history.md#issue-4, item 5): a fresh database with the demo organisation and catalogue
/// (deployable verb demo-seed), N generated dossier histories over two years up to now, the
/// counters rebuilt by the deployable's own verb, then Report 06a, the open-data summary and the
/// IOC dashboard measured over HTTP against the Release deployable, with a same-run baseline.
/// Usage, from the repository root:
///   dotnet run -c Release --project bench/MotCua.Bench -- statistics --provider postgres|sqlite --dossiers N
///     [--connection "Host=…;Username=…;Database=postgres"] [--samples 30] [--writes 200] [--seed 2026] [--verify] [--keep] [--no-results]
/// </summary>
public static class StatisticsBench
{
    private const string Url = "http://127.0.0.1:5188";

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var o = StatisticsOptions.Parse(args);
        var webDll = Path.Combine(root, "src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll");
        if (!File.Exists(webDll))
        {
            Console.Error.WriteLine($"Build first: dotnet build -c Release src/MotCua.Web ({webDll} missing)");
            return 1;
        }
        var work = Path.Combine(Path.GetTempPath(), "motcua-stats-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var nowUtc = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Utc);
        var result = new StatisticsResult { Provider = o.Provider, Requested = o.Dossiers, Seed = o.Seed, StartedUtc = nowUtc, LoadAtStart = LoadAverage.Now() };
        var database = BenchDatabase.Create(o.Provider, o.Dossiers, o.Connection, work);
        Process? server = null;
        try
        {
            var deployable = new Deployable(webDll, o.Provider, database.DeployableConnectionString, work);
            result.DemoSeed = Step("demo-seed", await deployable.RunVerbAsync("demo-seed"));
            database.DeleteDemoDossiers();
            // The drill-down rows list the whole province (StatisticsAudience).
            DrillDownBench.GrantProvinceWide(o.Provider, database.DeployableConnectionString);

            var generation = Stopwatch.StartNew();
            var indexes = database.DropSecondaryIndexes("Dossiers", "DossierHistory");
            var expected = await GenerateAsync(database, o, nowUtc, result);
            database.CreateIndexes(indexes);
            result.Generation = generation.Elapsed;
            database.ResetIdentities();
            var vacuum = Stopwatch.StartNew();
            database.VacuumAnalyze("Dossiers", "DossierHistory", "DossierSequences");
            result.Vacuum = vacuum.Elapsed;
            result.LoadAfterGeneration = LoadAverage.Now();

            result.Rebuild = Step("statistics-rebuild", await deployable.RunVerbAsync("statistics-rebuild"));
            database.VacuumAnalyze("StatisticsCounters");
            if (o.Verify)
                result.Verify = Step("statistics-verify", await deployable.RunVerbAsync("statistics-verify"));

            result.Version = database.ServerVersion();
            result.Settings = database.Settings();
            foreach (var table in StatisticsResult.Tables)
                result.Rows[table] = database.Count(table);
            result.CountersByAgency = database.Count("StatisticsCounters", "WHERE \"Cube\" = 0");
            (result.Sizes, result.DatabaseBytes) = database.Sizes(StatisticsResult.Tables);

            using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(10) };
            var start = Stopwatch.StartNew();
            server = await new Deployable(webDll, o.Provider, database.DeployableConnectionString, work).StartServerAsync(http, Url);
            result.ServerStart = start.Elapsed;
            await MeasureAsync(new HttpProbe(http), o, nowUtc, expected, result);
        }
        finally
        {
            if (server is not null)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            if (o.Keep)
                Console.Error.WriteLine($"Kept: {database.ConnectionString}");
            else
            {
                database.Drop();
                try { Directory.Delete(work, recursive: true); }
                catch (IOException) { /* temp folder */ }
            }
        }
        var text = result.ToMarkdown(Cpu(), MemoryGigabytes());
        Console.WriteLine(text);
        if (o.WriteResults)
            await File.AppendAllTextAsync(Path.Combine(root, "bench/RESULTS.md"), text);
        return result.Consistent ? 0 : 2;
    }

    /// <summary>Generates and loads the dossiers (a producer thread generates, this one writes); returns the year's Report 06a by the Core reference.</summary>
    private static async Task<Report06aFigures> GenerateAsync(BenchDatabase database, StatisticsOptions o, DateTime nowUtc, StatisticsResult result)
    {
        await using var db = database.Context();
        var today = DateOnly.FromDateTime(DossierWorkflow.Local(nowUtc));
        var catalog = await GeneratorCatalog.LoadAsync(db, today, CancellationToken.None);
        result.Procedures = catalog.Procedures.Count;
        result.Places = catalog.Procedures.SelectMany(p => p.Places.Select(x => x.Receiving.Id)).Distinct().Count();
        var plan = ArrivalPlan.Create(catalog.Calendar, nowUtc, 2, o.Dossiers, new Random(o.Seed));
        result.FirstDay = plan.Days[0].Day;
        var generator = new DossierGenerator(catalog, nowUtc, o.Seed);
        var (from, to) = (Utc(new DateOnly(today.Year, 1, 1)), Utc(new DateOnly(today.Year + 1, 1, 1)));
        var expected = Report06aFigures.Zero;
        using var queue = new BlockingCollection<GeneratedChunk>(boundedCapacity: 3);
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in generator.Generate(plan, 1, 1, 20_000))
                {
                    foreach (var d in chunk.Dossiers)
                    {
                        expected += Report06a.Compute([Report06a.FactOf(d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt)], from, to);
                        result.Mix.Add(d);
                    }
                    queue.Add(chunk);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        var clock = Stopwatch.StartNew();
        using (var writer = BulkWriter.Open(database.Provider, database.ConnectionString, db.Model))
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                writer.Write(chunk);
                result.Dossiers += chunk.Dossiers.Count;
                result.HistoryRows += chunk.History.Count;
                if (result.Dossiers % 500_000 < chunk.Dossiers.Count)
                    Console.Error.WriteLine($"  generated {result.Dossiers:N0} dossiers, {(result.Dossiers + result.HistoryRows) / clock.Elapsed.TotalSeconds:N0} rows/s, load {LoadAverage.Now()}");
            }
            await producer;
            writer.WriteSequences(generator.Sequences.Select(s => new DossierSequence { UnitCode = s.Key.Unit, Day = s.Key.Day, Last = s.Value }).ToList());
        }
        return expected;
    }

    private static async Task MeasureAsync(HttpProbe probe, StatisticsOptions o, DateTime nowUtc, Report06aFigures expected, StatisticsResult result)
    {
        var today = DateOnly.FromDateTime(DossierWorkflow.Local(nowUtc));
        var year = today.Year;
        var token = await probe.TokenAsync("leader.demo");
        var actual = await probe.Report06aTotalAsync($"from={year}-01-01&to={year}-12-31", token);
        result.Expected = expected;
        result.Actual = actual;

        result.LoadAtMeasure = LoadAverage.Now();
        result.Baseline = (await probe.MeasureAsync("/api/calendar/lunar?date=2026-02-17", null, 30, 300)).Latency!;
        foreach (var endpoint in StatisticsResult.Reads(today))
        {
            token = await probe.TokenAsync("leader.demo"); // fresh: some rows take minutes
            var (latency, status) = await probe.MeasureAsync(endpoint.Path, endpoint.Authorized ? token : null,
                endpoint.Samples is null ? 3 : 1, endpoint.Samples ?? o.Samples);
            result.Latencies.Add((endpoint, latency, status));
            Console.Error.WriteLine($"  {endpoint.Label}: {(latency is null ? $"HTTP {(int)status}" : $"median {latency.Median:0.0} ms, p95 {latency.P95:0.0} ms")}");
        }
        if (o.Writes > 0)
            result.Writes = await probe.WritePathAsync(o.Writes);
        result.LoadAtEnd = LoadAverage.Now();
    }

    private static VerbRun Step(string verb, VerbRun run)
    {
        Console.Error.WriteLine($"  {verb}: exit {run.ExitCode}, {run.Elapsed.TotalSeconds:0.0} s, peak RSS {BenchDatabase.Megabytes(run.PeakRssBytes)}");
        if (run.ExitCode != 0 && verb != "statistics-verify")
            throw new InvalidOperationException($"{verb} failed with exit code {run.ExitCode}:\n{run.Output}");
        return run;
    }

    private static DateTime Utc(DateOnly vietnamDate) => VietnamTime.ToOffset(vietnamDate.ToDateTime(TimeOnly.MinValue)).UtcDateTime;

    private static string MemoryGigabytes()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? "unknown RAM"
            : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " GB RAM";
    }

    private static string Cpu()
    {
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }
}
