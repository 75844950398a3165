using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Bench.Statistics;

/// <summary>
/// Report 06a drill-down benchmark: the Release deployable started on a database the statistics
/// benchmark kept (`statistics --keep`), then the list behind every figure of the report
/// (GET /api/statistics/report-06a/dossiers, as the demo leader made provincial supervisor) for the province's year, the province's last full month and
/// the largest competent agency's year (a row of the report), page 1, plus a deep page, with a same-run
/// baseline. Each list's total is checked against the report's figure for the same scope, and its page
/// size against the total. Usage, from the repository root:
///   dotnet run -c Release --project bench/MotCua.Bench -- drilldowns --provider postgres|sqlite --connection "…" --work bench/.work/stats-… [--samples 5] [--label after]
/// Appends a table to bench/RESULTS.md.
/// </summary>
public static class DrillDownBench
{
    private const string Url = "http://127.0.0.1:5191";

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var run = await KeptDatabaseRun.StartAsync(args, root, defaultSamples: 5);
        var (provider, samples, deployable) = (run.Provider, run.Samples, run.Deployable);
        GrantProvinceWide(provider, run.Connection);
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(10) };
        var server = await deployable.StartServerAsync(http, Url);
        var report = new StringBuilder();
        var mismatches = 0;
        try
        {
            var probe = new HttpProbe(http);
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            var year = FormattableString.Invariant($"from={today.Year}-01-01&to={today.Year}-12-31");
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            var lastMonth = FormattableString.Invariant($"from={month:yyyy-MM-dd}&to={month.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
            var token = await probe.TokenAsync("leader.demo");
            var yearReport = await ReportAsync(probe, token, year);
            var largest = yearReport.GetProperty("rows").EnumerateArray().MaxBy(r => r.GetProperty("received").GetInt32());
            var agency = largest.GetProperty("agencyCode").GetString()!;
            var scopes = new (string Name, string Query, JsonElement Figures)[]
            {
                ($"province, year {today.Year}", year, yearReport.GetProperty("total").GetProperty("figures")),
                ($"province, month {month:yyyy-MM}", lastMonth, (await ReportAsync(probe, token, lastMonth)).GetProperty("total").GetProperty("figures")),
                ($"agency {agency} (largest row), year {today.Year}", year + "&competentAgency=" + agency, largest.GetProperty("figures")),
            };
            var baseline = (await probe.MeasureAsync("/api/calendar/lunar?date=2026-02-17", null, 30, 300)).Latency!;
            report.AppendLine(CultureInfo.InvariantCulture, $"## Report 06a drill-down lists{run.LabelSuffix}, {provider}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Load average at start {LoadAverage.Now()}; one client, sequential requests on loopback, one checked warm-up then {samples} timed samples per row (with 5 or fewer, the p95 is the slowest), page size 50; Release build. Each list's total was compared with the report's figure for the same scope.");
            report.AppendLine();
            report.AppendLine("| Figure | scope | total | p50 ms | p95 ms | × baseline p50 |");
            report.AppendLine("|---|---|---|---|---|---|");
            report.AppendLine(CultureInfo.InvariantCulture, $"| baseline `/api/calendar/lunar` (no database) | | | {baseline.Median:0.00} | {baseline.P95:0.00} | 1.0 |");
            var rows = Report06aFigurePredicates.Columns.SelectMany(f => scopes.Select(s => (Figure: Report06aDossiersHandler.Key(f), Scope: s, Page: 1)))
                .Append(("received", scopes[0], 20));
            foreach (var (figure, scope, page) in rows)
            {
                token = await probe.TokenAsync("leader.demo"); // fresh: a slow list takes seconds
                var path = $"/api/statistics/report-06a/dossiers?{scope.Query}&figure={figure}&page={page}&pageSize=50";
                // The first request warms up and is checked; the next ones are timed.
                var (status, body) = await probe.GetJsonAsync(path, token);
                var name = page == 1 ? $"`{figure}`" : $"`{figure}` page {page}";
                string line;
                if (status != HttpStatusCode.OK)
                {
                    mismatches++;
                    line = $"| {name} | {scope.Name} | | HTTP {(int)status} | | |";
                }
                else
                {
                    var latency = await probe.TimeAsync(path, token, samples);
                    var total = body.GetProperty("total").GetInt32();
                    var expected = scope.Figures.GetProperty(figure).GetInt32();
                    if (total != expected || body.GetProperty("items").GetArrayLength() != Math.Clamp(total - ((page - 1) * 50), 0, 50))
                        mismatches++;
                    line = string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {scope.Name} | {total:N0}{(total == expected ? "" : $" (report {expected:N0})")} | {latency.Median:0.0} | {latency.P95:0.0} | {latency.Median / baseline.Median:0} |");
                }
                report.AppendLine(line);
                Console.Error.WriteLine("  " + line);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"\nLists whose total differed from the report's figure, or whose page did not hold min(50, total) rows: **{mismatches}**. Load average at end {LoadAverage.Now()}.\n");
        Console.WriteLine(report);
        await File.AppendAllTextAsync(Path.Combine(root, "bench/RESULTS.md"), "\n" + report);
        return mismatches == 0 ? 0 : 1;
    }

    /// <summary>
    /// Lists of the whole province need the province-wide statistics permission (StatisticsAudience):
    /// the demo leader is given the provincial supervisor's role on a benchmark database.
    /// </summary>
    public static void GrantProvinceWide(DatabaseProvider provider, string connection)
    {
        using var c = Sql.Open(provider, connection);
        Sql.Execute(c, """
            INSERT INTO "RoleAssignments" ("UserAccountId", "Role", "AgencyId")
            SELECT "Id", 'ProvincialSupervisor', "AgencyId" FROM "UserAccounts" u WHERE "UserName" = 'leader.demo'
              AND NOT EXISTS (SELECT 1 FROM "RoleAssignments" r WHERE r."UserAccountId" = u."Id" AND r."Role" = 'ProvincialSupervisor')
            """);
    }

    private static async Task<JsonElement> ReportAsync(HttpProbe probe, string token, string query)
    {
        var (status, body) = await probe.GetJsonAsync("/api/statistics/report-06a?" + query, token);
        return status == HttpStatusCode.OK ? body : throw new InvalidOperationException($"Report 06a answered HTTP {(int)status}.");
    }
}
