using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MotCua.Web.Features.Notifications;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Bench;

/// <summary>
/// Outbox drain against a local SMTP sink, on PostgreSQL, with the peak submission rate of the same
/// run as the comparison: the Release deployable (demo data) takes online submissions from 8 clients
/// (SubmitBench.SubmitAsync), then a backlog of N notification messages (half e-mail to the sink, half
/// SMS to the file sink) is committed at once and the time until none is waiting is measured.
/// Usage: dotnet run -c Release --project bench/MotCua.Bench -- outbox --postgres "Host=…;Username=…" [--messages 100000] [--smtp-port 2525] [--workers 4]
/// [--max-drain-minutes 10] (then the drain so far is reported).
/// </summary>
public static class OutboxBench
{
    public static async Task<int> RunAsync(string[] args, string root)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var server = Arg("--postgres", Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES") ?? "");
        var messages = int.Parse(Arg("--messages", "100000"), CultureInfo.InvariantCulture);
        var smtpPort = Arg("--smtp-port", "2525");
        var workers = Arg("--workers", "4");
        var maxDrain = TimeSpan.FromMinutes(double.Parse(Arg("--max-drain-minutes", "10"), CultureInfo.InvariantCulture));
        var loads = new List<string> { "start " + LoadAverage.Now() };
        var webDll = Path.Combine(root, "src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll");
        if (server.Length == 0 || !File.Exists(webDll))
        {
            Console.Error.WriteLine("Needs --postgres <server connection string> and a Release build of src/MotCua.Web.");
            return 1;
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = "motcua_outbox_bench" }.ConnectionString;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await Execute(admin, "DROP DATABASE IF EXISTS motcua_outbox_bench WITH (FORCE)");
            await Execute(admin, "CREATE DATABASE motcua_outbox_bench ENCODING 'UTF8' TEMPLATE template0");
        }
        var work = Path.Combine(root, "bench/.work", "outbox-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = database,
            ["Database__MigrateOnStart"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = smtpPort,
            ["Notifications__FilePath"] = Path.Combine(work, "notifications.jsonl"),
            ["Outbox__Workers"] = workers,
            ["Outbox__PollSeconds"] = "1",
        };
        using (var seed = Start(webDll, ["demo-seed"], work, environment))
            await seed.WaitForExitAsync();
        // A port of its own: a fixed one may be another benchmark's server on a shared machine.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        using var app = Start(webDll, ["--urls", url], work, environment);
        try
        {
            await ReadyAsync(http);
            await using var db = new NpgsqlConnection(database);
            await db.OpenAsync();

            // Peak submission rate in this run: 8 concurrent clients, as SubmitBench.
            var token = await SubmitBench.TokenAsync(http, "citizen.demo");
            var caseCode = await SubmitBench.CaseCodeAsync(http);
            var clients = Enumerable.Range(0, 8).Select(_ =>
            {
                var c = new HttpClient { BaseAddress = http.BaseAddress };
                c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return c;
            }).ToArray();
            for (var i = 0; i < 10; i++)
                await SubmitBench.SubmitAsync(clients[0], caseCode);
            var before = await Scalar(db, """SELECT count(*) FROM "OutboxMessages" """);
            loads.Add("peak submissions " + LoadAverage.Now());
            var submitClock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(async c =>
            {
                for (var i = 0; i < 50; i++)
                    await SubmitBench.SubmitAsync(c, caseCode);
            }));
            submitClock.Stop();
            foreach (var c in clients)
                c.Dispose();
            var submissionsPerSecond = 400 / submitClock.Elapsed.TotalSeconds;
            var createdPerSecond = (await Scalar(db, """SELECT count(*) FROM "OutboxMessages" """) - before) / submitClock.Elapsed.TotalSeconds;
            await UntilEmptyAsync(db, TimeSpan.FromMinutes(5));

            // The backlog, committed at once.
            var lastBefore = await Scalar(db, """SELECT coalesce(max("Id"), 0) FROM "OutboxMessages" """);
            var now = DateTime.UtcNow;
            await using (var copy = await db.BeginBinaryImportAsync("""COPY "OutboxMessages" ("Type", "PayloadJson", "CreatedAt", "AvailableAt", "Attempts", "Failed", "Version") FROM STDIN (FORMAT BINARY)"""))
            {
                for (var i = 0; i < messages; i++)
                {
                    var notification = i % 2 == 0
                        ? new Notification(NotificationChannel.Email, $"nguoidan{i}@example.com", "Đã nhận hồ sơ trực tuyến", "Hồ sơ của bạn đã được gửi và đang chờ cán bộ tiếp nhận kiểm tra.", null)
                        : new Notification(NotificationChannel.Sms, $"098{i:0000000}", "Đã nhận hồ sơ trực tuyến", "Hồ sơ của bạn đã được gửi.", null);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(NotificationOutboxHandler.MessageType, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(JsonSerializer.Serialize(notification), NpgsqlDbType.Text);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                }
                await copy.CompleteAsync();
            }
            loads.Add("drain start " + LoadAverage.Now());
            var drain = Stopwatch.StartNew();
            var drained = await UntilEmptyAsync(db, maxDrain);
            drain.Stop();
            loads.Add("drain end " + LoadAverage.Now());
            var delivered = await Scalar(db, $"""SELECT count(*) FROM "OutboxMessages" WHERE "Id" > {lastBefore} AND "ProcessedAt" IS NOT NULL""");
            var failed = await Scalar(db, """SELECT count(*) FROM "OutboxMessages" WHERE "Failed" OR "Attempts" > 0""");
            var span = await Scalar(db, $"""SELECT (EXTRACT(EPOCH FROM max("ProcessedAt") - min("ProcessedAt")) * 1000)::bigint FROM "OutboxMessages" WHERE "Id" > {lastBefore}""");
            var perSecond = delivered / drain.Elapsed.TotalSeconds;
            var version = await Version(db);
            var report = string.Create(CultureInfo.InvariantCulture, $"""

                ## Outbox drain benchmark, PostgreSQL, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC

                Command: `bash bench/outbox.sh --messages {messages} --workers {workers}`. Machine: {Environment.ProcessorCount} cores shared with other engineers' builds, .NET {Environment.Version}, {version}, Release build, HTTP on loopback; SMTP sink: Debian python3-aiosmtpd (a `Controller` whose handler answers 250 and discards, like `python3 -m aiosmtpd -n -l 127.0.0.1:{smtpPort}` without printing) on the same cores. Dispatcher: {workers} lanes, batches of 200 (defaults otherwise). Load average (1/5/15 min): {string.Join("; ", loads)}.

                | What | per second | × peak submissions/s |
                |---|---|---|
                | peak online submissions (upload + submit), 8 clients, 400 submissions | {submissionsPerSecond:0.0} | 1.0 |
                | outbox messages those submissions created | {createdPerSecond:0.0} | {createdPerSecond / submissionsPerSecond:0.0} |
                | **drain of a {messages:N0}-message backlog** (half e-mail over SMTP to the sink, half SMS to the file sink), commit to {(drained ? "none waiting" : "run stopped")} | **{perSecond:0}** | **{perSecond / submissionsPerSecond:0.0}** |
                | the same, first to last delivery ({span / 1000.0:0.0} s, without the up to 1 s poll before the first batch) | {delivered / (span / 1000.0):0} | {delivered / (span / 1000.0) / submissionsPerSecond:0.0} |

                Drain time {drain.Elapsed.TotalSeconds:0.0} s; delivered {delivered:N0} of {messages:N0}{(drained ? "" : $" (**partial**: the run stops the drain after {maxDrain.TotalMinutes:0} minutes; at this rate the whole backlog takes {messages / perSecond / 60:0} minutes)")}; messages failed or retried: {failed}. Target: drain ≥ 10 × the peak submission rate — {(perSecond >= 10 * submissionsPerSecond ? "met" : "not met")} ({perSecond / submissionsPerSecond:0.0} ×; {perSecond / createdPerSecond:0.0} × the rate at which the peak creates messages).

                """);
            await File.AppendAllTextAsync(Path.Combine(root, "bench/RESULTS.md"), report);
            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            try { Directory.Delete(work, recursive: true); }
            catch (IOException) { /* temp folder */ }
        }
    }

    /// <summary>False when messages are still waiting after <paramref name="limit"/>.</summary>
    private static async Task<bool> UntilEmptyAsync(NpgsqlConnection db, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (await Scalar(db, """SELECT count(*) FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL AND NOT "Failed" AND "Attempts" = 0""") > 0)
        {
            if (clock.Elapsed > limit)
                return false;
            await Task.Delay(100);
        }
        return true;
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

    internal static Process Start(string webDll, string[] args, string work, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [webDll, .. args]) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  | " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> Version(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT 'PostgreSQL ' || current_setting('server_version') || ' (fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ')'", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
