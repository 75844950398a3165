using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MotCua.Bench.Statistics;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Dvcqg;
using Npgsql;

namespace MotCua.Bench.Dvcqg;

/// <summary>
/// DVCQG backlog drain (bench/dvcqg-drain.sh): the Release deployable on PostgreSQL with DVCQG sync on,
/// pointed at the simulator. (1) Accept latency with an empty queue; (2) the target paused (as an
/// administrator would while DVCQG is down) and a backlog of dossiers × 5 changes written through the
/// app's own SaveChanges (<see cref="DvcqgBacklog"/>); (3) baseline: the simulator's bare rate for the
/// same call (DongBoHoSoMC add, the app's body) from the same number of concurrent loops as dispatcher
/// lanes; (4) the target resumed: messages delivered per second until none is waiting, and accept
/// latency measured while it drains; (5) per-dossier order checked (<see cref="DvcqgOrderCheck"/>).
/// Usage: dotnet MotCua.Bench.dll dvcqg-drain --postgres "Host=…" --simulator http://127.0.0.1:P [--dossiers 20000] [--workers 4] [--rounds 300]
/// [--writer app|sql] (sql: the same rows in bulk, DvcqgBacklog.WriteDirectAsync) [--max-drain-minutes 10] (then the drain so far is reported).
/// </summary>
public static class DvcqgDrainBench
{
    public static async Task<int> RunAsync(string[] args, string root)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var server = Arg("--postgres", "");
        var simulatorUrl = Arg("--simulator", "");
        var dossiers = int.Parse(Arg("--dossiers", "20000"), CultureInfo.InvariantCulture);
        var workers = int.Parse(Arg("--workers", "4"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arg("--rounds", "300"), CultureInfo.InvariantCulture);
        var writer = Arg("--writer", "app");
        var maxDrain = TimeSpan.FromMinutes(double.Parse(Arg("--max-drain-minutes", "10"), CultureInfo.InvariantCulture));
        var webDll = Path.Combine(root, "src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll");
        if (server.Length == 0 || simulatorUrl.Length == 0 || !File.Exists(webDll))
        {
            Console.Error.WriteLine("Needs --postgres <server>, --simulator <url> and a Release build of src/MotCua.Web.");
            return 1;
        }
        var loads = new List<string> { "start " + LoadAverage.Now() };
        var database = new NpgsqlConnectionStringBuilder(server) { Database = "motcua_dvcqg_bench", CommandTimeout = 0 }.ConnectionString;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await DvcqgBacklog.ExecuteAsync(admin, "DROP DATABASE IF EXISTS motcua_dvcqg_bench WITH (FORCE)");
            await DvcqgBacklog.ExecuteAsync(admin, "CREATE DATABASE motcua_dvcqg_bench ENCODING 'UTF8' TEMPLATE template0");
        }
        var work = Directory.CreateDirectory(Path.Combine(root, "bench/.work", "dvcqg-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = database,
            ["Database__MigrateOnStart"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Notifications__FilePath"] = Path.Combine(work, "notifications.jsonl"),
            ["Outbox__Workers"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Outbox__PollSeconds"] = "1",
        };
        Console.Error.WriteLine("== demo-seed (DVCQG sync off: the demo dossiers are not part of the backlog)");
        using (var seed = OutboxBench.Start(webDll, ["demo-seed"], work, environment))
            await seed.WaitForExitAsync();
        environment["Integrations__Dvcqg__AuthUrl"] = simulatorUrl + "/dvcqg/auth";
        environment["Integrations__Dvcqg__ServiceUrl"] = simulatorUrl + "/dvcqg/service";
        environment["Integrations__Dvcqg__UserName"] = "motcua-bench";
        environment["Integrations__Dvcqg__Password"] = "bench";
        environment["Integrations__Dvcqg__UnitCode"] = "000.00.00.H39";

        var url = FreeUrl();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        using var simulator = new HttpClient { BaseAddress = new Uri(simulatorUrl), Timeout = TimeSpan.FromMinutes(10) };
        using var app = OutboxBench.Start(webDll, ["--urls", url], work, environment);
        var options = DvcqgBacklog.Options(database);
        await using var db = new NpgsqlConnection(database);
        try
        {
            await ReadyAsync(http);
            await db.OpenAsync();
            var probe = await AcceptProbe.CreateAsync(http);
            Console.Error.WriteLine("== accept latency, empty queue");
            loads.Add("empty-queue latency " + LoadAverage.Now());
            var empty = await probe.RunAsync(rounds);
            if (!await UntilDrainedAsync(db, TimeSpan.FromMinutes(5)))
                throw new TimeoutException("The queue of the empty-queue phase did not drain.");

            Console.Error.WriteLine($"== backlog: {dossiers} dossiers × {DvcqgBacklog.Actions.Length} changes, target paused");
            await DvcqgBacklog.ExecuteAsync(db, """
                INSERT INTO "IntegrationTargets" ("Name", "Paused", "ChangedAt", "ChangedBy") VALUES ('dvcqg', true, now(), 'bench')
                ON CONFLICT ("Name") DO UPDATE SET "Paused" = true
                """);
            var fillClock = Stopwatch.StartNew();
            var ids = await DvcqgBacklog.CloneAsync(database, dossiers);
            if (writer == "sql")
                await DvcqgBacklog.WriteDirectAsync(database, ids);
            else
                await DvcqgBacklog.ChangeAsync(options, new DossierSyncTracking([new DvcqgSyncTarget(new DvcqgOptions { ServiceUrl = simulatorUrl + "/dvcqg/service" })], TimeProvider.System), ids);
            fillClock.Stop();
            await DvcqgBacklog.ExecuteAsync(db, """VACUUM (ANALYZE) "OutboxMessages" """);
            var backlog = await DvcqgBacklog.ScalarAsync<long>(db, """SELECT count(*) FROM "OutboxMessages" WHERE "Target" = 'dvcqg' AND "ProcessedAt" IS NULL""");
            var firstBacklog = await DvcqgBacklog.ScalarAsync<long>(db, """SELECT min("Id") FROM "OutboxMessages" WHERE "Target" = 'dvcqg' AND "ProcessedAt" IS NULL""");

            Console.Error.WriteLine("== baseline: the simulator's bare DongBoHoSoMC rate");
            loads.Add("baseline " + LoadAverage.Now());
            var body = await DvcqgBacklog.AddBodyAsync(options, ids[0], "000.00.00.H39");
            var baseline = await BaselineAsync(simulator, body, workers, Math.Min(20000, backlog == 0 ? 1 : (int)backlog / 5));

            Console.Error.WriteLine($"== drain of {backlog} messages, accept latency meanwhile");
            var lastBefore = await DvcqgBacklog.ScalarAsync<long>(db, """SELECT coalesce(max("Id"), 0) FROM "OutboxMessages" """);
            loads.Add("drain start " + LoadAverage.Now());
            var resumedAt = DateTime.UtcNow;
            var drainClock = Stopwatch.StartNew();
            await DvcqgBacklog.ExecuteAsync(db, """UPDATE "IntegrationTargets" SET "Paused" = false WHERE "Name" = 'dvcqg'""");
            var during = await probe.RunAsync(rounds);
            var remainingAfterProbe = await WaitingAsync(db);
            var drained = await UntilDrainedAsync(db, maxDrain);
            drainClock.Stop();
            loads.Add("drain end " + LoadAverage.Now());
            var inBacklog = $"""FROM "OutboxMessages" WHERE "Target" = 'dvcqg' AND "Id" BETWEEN {firstBacklog} AND {lastBefore}""";
            var delivered = await DvcqgBacklog.ScalarAsync<long>(db, $"""SELECT count(*) {inBacklog} AND "ProcessedAt" IS NOT NULL""");
            var span = await DvcqgBacklog.ScalarAsync<double>(db, $"""SELECT EXTRACT(EPOCH FROM max("ProcessedAt") - min("ProcessedAt")) {inBacklog}""");
            var failed = await DvcqgBacklog.ScalarAsync<long>(db, """SELECT count(*) FROM "OutboxMessages" WHERE "Target" = 'dvcqg' AND ("Failed" OR "Attempts" > 0)""");
            var exchanges = await DvcqgBacklog.ScalarAsync<long>(db, $"""SELECT count(*) FROM "IntegrationExchanges" WHERE "Target" = 'dvcqg' AND "At" >= '{resumedAt:O}'::timestamptz""");

            // The deployable stops before the check: after a partial drain it would go on delivering between
            // reading the simulator's records and reading the sync states, and a dossier finished in between
            // would look as if a call were missing. A call cut off by the stop leaves its sync state behind,
            // and the check covers only dossiers whose sync state is delivered up to their last change.
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            Console.Error.WriteLine("== order check");
            var check = await DvcqgOrderCheck.RunAsync(simulator, database);
            loads.Add("end " + LoadAverage.Now());
            var report = Report(new DrainFigures(dossiers, workers, writer, drained, backlog, fillClock.Elapsed, baseline, drainClock.Elapsed, span, delivered, failed, exchanges,
                empty, during, remainingAfterProbe, check, await VersionAsync(db), loads));
            await File.AppendAllTextAsync(Path.Combine(root, "bench/RESULTS.md"), report);
            Console.WriteLine(report);
            return check.Violations == 0 && check.MessagesOutOfOrder == 0 ? 0 : 2;
        }
        finally
        {
            if (!app.HasExited)
                app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); }
            catch (IOException) { /* temp folder */ }
        }
    }

    /// <summary>Requests per second the simulator answers for the add from <paramref name="loops"/> concurrent loops (unique codes, one session).</summary>
    private static async Task<double> BaselineAsync(HttpClient simulator, JsonObject body, int loops, int total)
    {
        var auth = await simulator.PostAsJsonAsync("/dvcqg/auth", new { username = "baseline", password = "baseline" });
        body["session"] = (await auth.Content.ReadFromJsonAsync<JsonObject>())!["session"]!.GetValue<string>();
        var template = body.ToJsonString(DvcqgFormat.Json);
        var code = ((JsonArray)body["data"]!)[0]!["MaHoSo"]!.GetValue<string>();
        var next = -200; // 200 warm-up requests
        var clock = new Stopwatch();
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= total)
            {
                if (i == 1)
                    clock.Start();
                var text = template.Replace(code, "BASELINE-" + i.ToString("D7", CultureInfo.InvariantCulture), StringComparison.Ordinal);
                using var content = new StringContent(text, Encoding.UTF8, "application/json");
                using var response = await simulator.PostAsync("/dvcqg/service", content);
                var answer = DvcqgAnswer.Parse(await response.Content.ReadAsStringAsync());
                if (!answer.Succeeded)
                    throw new InvalidOperationException("Baseline call failed: " + answer.Message);
            }
        }));
        return total / clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> WaitingAsync(NpgsqlConnection db) =>
        await DvcqgBacklog.ScalarAsync<long>(db, """SELECT count(*) FROM "OutboxMessages" WHERE "Target" = 'dvcqg' AND "ProcessedAt" IS NULL AND NOT "Failed" AND "Attempts" = 0""");

    /// <summary>False when messages are still waiting after <paramref name="limit"/> (the run then reports a partial drain).</summary>
    private static async Task<bool> UntilDrainedAsync(NpgsqlConnection db, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        long last = -1;
        while (true)
        {
            var waiting = await WaitingAsync(db);
            if (waiting == 0)
                return true;
            if (clock.Elapsed > limit)
                return false;
            if (waiting / 10000 != last / 10000)
                Console.Error.WriteLine($"   {DateTime.UtcNow:HH:mm:ss} {waiting} waiting, load {LoadAverage.Now()}");
            last = waiting;
            await Task.Delay(500);
        }
    }

    private static async Task ReadyAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            try
            {
                if ((await http.GetAsync("/")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The deployable did not start.");
    }

    internal static string FreeUrl()
    {
        // A port of its own: a fixed one may be another benchmark's server on a shared machine.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    private static async Task<string> VersionAsync(NpgsqlConnection db) =>
        await DvcqgBacklog.ScalarAsync<string>(db, "SELECT 'PostgreSQL ' || current_setting('server_version') || ' (fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' || current_setting('shared_buffers') || ')'");

    private static string Report(DrainFigures f) => DvcqgDrainReport.Render(f);
}
