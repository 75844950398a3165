using System.Globalization;
using System.Net;
using System.Text;
using MotCua.Core.Statistics;
using MotCua.Web.Data;

namespace MotCua.Bench.Statistics;

/// <summary>Everything one run measured, and its section of bench/RESULTS.md.</summary>
internal sealed class StatisticsResult
{
    public static readonly string[] Tables = ["Dossiers", "DossierHistory", "StatisticsCounters"];

    /// <summary>
    /// The reads measured, in order. Adding a dashboard or report is one line here; one that does not
    /// answer 200 yet (e.g. the IOC endpoint before its branch is merged) is reported as not available.
    /// </summary>
    public static IReadOnlyList<ReadEndpoint> Reads(DateOnly today)
    {
        var year = today.Year;
        var quarter = new DateOnly(year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
        var month = new DateOnly(year, today.Month, 1).AddMonths(-1);
        string Report(DateOnly from, DateOnly to, string extra = "") =>
            FormattableString.Invariant($"/api/statistics/report-06a?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{extra}");
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return
        [
            new($"IOC dashboard `/api/statistics/ioc`", "/api/statistics/ioc", true, 100),
            new($"Report 06a, province, year {year}", Report(first, last), true, 1000),
            new($"Report 06a, province, year {year}, xlsx", Report(first, last, "&format=xlsx"), true, 1000),
            new($"Report 06a, province, quarter from {quarter:yyyy-MM-dd}", Report(quarter, quarter.AddMonths(3).AddDays(-1)), true, null),
            new($"Report 06a, province, month {month:yyyy-MM}", Report(month, month.AddMonths(1).AddDays(-1)), true, null),
            new($"Report 06a, sector G15-TP07 (civil status), year", Report(first, last, "&sector=G15-TP07"), true, 1000),
            new($"Report 06a, procedure 1.001193 (birth registration), year", Report(first, last, "&procedure=1.001193"), true, 1000),
            new($"Report 06a, agency CAT and its 65 commune police units, year", Report(first, last, "&agency=CAT"), true, 1000),
            new("Open data summary `/api/open-data/summary` (public)", "/api/open-data/summary", false, null),
            // Per-dossier reads (not on counters, ADR 0003): measured with 3 samples each.
            new(FormattableString.Invariant($"Drill-down list, pending overdue at {today:yyyy-MM-dd}, province, page 1 (3 samples)"),
                FormattableString.Invariant($"/api/statistics/report-06a/dossiers?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&figure=pendingOverdue"), true, null, 3),
            new(FormattableString.Invariant($"Drill-down list, new online in {month:yyyy-MM}, province, page 1 (3 samples)"),
                FormattableString.Invariant($"/api/statistics/report-06a/dossiers?from={month:yyyy-MM-dd}&to={month.AddMonths(1).AddDays(-1):yyyy-MM-dd}&figure=newOnline"), true, null, 3),
            new(FormattableString.Invariant($"Decision 766 index, province, month {month:yyyy-MM} (3 samples)"), FormattableString.Invariant($"/api/statistics/766?period={month:yyyy-MM}"), true, null, 3),
            new(FormattableString.Invariant($"Decision 766 index, province, year {year} (3 samples)"), FormattableString.Invariant($"/api/statistics/766?period={year}"), true, null, 3),
            new("Circular 01/2018 evaluation, province, month 2025-03 (3 samples)", "/api/statistics/evaluation-01?from=2025-03-01&to=2025-03-31", true, null, 3),
        ];
    }

    public DatabaseProvider Provider { get; init; }
    public int Requested { get; init; }
    public int Seed { get; init; }
    public DateTime StartedUtc { get; init; }
    public string LoadAtStart { get; init; } = "";
    public string LoadAfterGeneration { get; set; } = "";
    public string LoadAtMeasure { get; set; } = "";
    public string LoadAtEnd { get; set; } = "";
    public string Version { get; set; } = "";
    public string Settings { get; set; } = "";
    public int Procedures { get; set; }
    public int Places { get; set; }
    public DateOnly FirstDay { get; set; }
    public long Dossiers { get; set; }
    public long HistoryRows { get; set; }
    public TimeSpan Generation { get; set; }
    public TimeSpan Vacuum { get; set; }
    public TimeSpan ServerStart { get; set; }
    public VerbRun? DemoSeed { get; set; }
    public VerbRun? Rebuild { get; set; }
    public VerbRun? Verify { get; set; }
    public DossierMix Mix { get; } = new();
    public Dictionary<string, long> Rows { get; } = [];
    public long CountersByAgency { get; set; }
    public IReadOnlyDictionary<string, long> Sizes { get; set; } = new Dictionary<string, long>();
    public long DatabaseBytes { get; set; }
    public Report06aFigures? Expected { get; set; }
    public Report06aFigures? Actual { get; set; }
    public Latency? Baseline { get; set; }
    public List<(ReadEndpoint Endpoint, Latency? Latency, HttpStatusCode Status)> Latencies { get; } = [];
    public (Latency Submit, Latency Accept, Latency Forward)? Writes { get; set; }

    public bool Consistent => Expected == Actual && (Verify is null || Verify.ExitCode == 0);

    public string ToMarkdown(string cpu, string memory)
    {
        var s = new StringBuilder();
        void Line(string text = "") => s.Append(text).Append('\n');
        string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
        string Sec(TimeSpan t) => t.TotalSeconds.ToString("#,0.0", CultureInfo.InvariantCulture) + " s";
        string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "#,0.0", CultureInfo.InvariantCulture);

        Line(FormattableString.Invariant($"## Statistics benchmark, {(Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite")}, {N(Dossiers)} dossiers, {StartedUtc:yyyy-MM-dd HH:mm} UTC"));
        Line();
        Line(FormattableString.Invariant($"Machine: {Environment.ProcessorCount} cores, {cpu}, {memory}, .NET {Environment.Version}, {Version} ({Settings}), Release build, HTTP on loopback. Load average (1/5/15 min): {LoadAtStart} at start, {LoadAfterGeneration} after generation, {LoadAtMeasure} when measuring, {LoadAtEnd} at the end — other engineers' builds share the 2 cores."));
        Line();
        Line(FormattableString.Invariant($"Data: {N(Dossiers)} dossiers (seed {Seed}) received on the working days from {FirstDay:yyyy-MM-dd} to now, {Procedures} procedures of the demo catalogue at {Places} receiving places, plus their history. {Mix}"));
        Line();
        Line("| Table | rows | size with indexes |");
        Line("|---|---|---|");
        foreach (var table in Tables)
        {
            var extra = table == "StatisticsCounters" ? $" ({N(CountersByAgency)} by agency, {N(Rows[table] - CountersByAgency)} by procedure)" : "";
            Line($"| {table} | {N(Rows.GetValueOrDefault(table))}{extra} | {(Sizes.TryGetValue(table, out var b) ? BenchDatabase.Megabytes(b) : "n/a")} |");
        }
        Line($"| whole database | | {BenchDatabase.Megabytes(DatabaseBytes)} |");
        Line();
        Line($"- Demo seed (deployable verb `demo-seed`: migrate, organisation, catalogue, accounts): {Sec(DemoSeed!.Elapsed)}");
        Line(FormattableString.Invariant($"- Generation and load ({(Provider == DatabaseProvider.Postgres ? "binary COPY" : "prepared INSERTs, one transaction per 20,000 dossiers")}): {N(Dossiers)} dossiers + {N(HistoryRows)} history rows in {Sec(Generation)} = **{(Dossiers + HistoryRows) / Generation.TotalSeconds:#,0} rows/s** ({Dossiers / Generation.TotalSeconds:#,0} dossiers/s)"));
        if (Provider == DatabaseProvider.Postgres)
            Line($"- VACUUM (ANALYZE) after the load, as autovacuum would: {Sec(Vacuum)}");
        Line($"- Counters rebuilt by the deployable verb `statistics-rebuild`: **{Sec(Rebuild!.Elapsed)}**, peak resident memory {BenchDatabase.Megabytes(Rebuild.PeakRssBytes)}");
        if (Verify is not null)
            Line($"- `statistics-verify`: {Sec(Verify.Elapsed)}, peak resident memory {BenchDatabase.Megabytes(Verify.PeakRssBytes)}: {Verify.Output.Split('\n').LastOrDefault(l => l.StartsWith("Statistics counters:", StringComparison.Ordinal))?.Trim()}");
        Line($"- Deployable start on this database to first page: {Sec(ServerStart)}");
        Line(Expected == Actual
            ? $"- Cross-check: Report 06a for the year over HTTP equals the generator's own count of its dossiers by the Core reference convention (received {N(Actual!.Received)}, solved {N(Actual.Solved)}, withdrawn {N(Actual.Withdrawn)}, stopped {N(Actual.Stopped)}, pending {N(Actual.Pending)} of which overdue {N(Actual.PendingOverdue)})."
            : $"- **Cross-check FAILED**: Report 06a over HTTP {Actual}, generator's own count {Expected}.");
        Line();
        Line("| Request | median ms | p95 ms | × baseline median | target |");
        Line("|---|---|---|---|---|");
        Line($"| baseline: `/api/calendar/lunar` (no database), {Baseline!.Samples} requests | {Ms(Baseline.Median)} | {Ms(Baseline.P95)} | 1.0 | |");
        foreach (var (endpoint, latency, status) in Latencies)
        {
            var target = endpoint.TargetMs is { } t ? $"< {N((long)t)} ms" : "";
            Line(latency is null
                ? $"| {endpoint.Label} | not yet available (HTTP {(int)status}) | | | {target} |"
                : $"| {endpoint.Label} | {Ms(latency.Median)} | {Ms(latency.P95)} | {(latency.Median / Baseline.Median).ToString("#,0.0", CultureInfo.InvariantCulture)} | {target}{(endpoint.TargetMs is { } limit ? (latency.P95 < limit ? " met" : latency.Median < limit ? " met at the median" : " **missed**") : "")} |");
        }
        Line();
        Line(FormattableString.Invariant($"Each read: 3 warm-up requests, then {Latencies.FirstOrDefault(l => l.Latency is not null).Latency?.Samples} sequential requests by one client (reads marked 3 samples: 1 warm-up, then 3 requests); latency measured by the client (whole body read)."));
        if (Writes is { } w)
        {
            Line();
            Line(FormattableString.Invariant($"| Write path on this database, {w.Accept.Samples} sequential rounds | median ms | p95 ms | × baseline median |"));
            Line("|---|---|---|---|");
            foreach (var (label, l) in new[] { ("online submission (upload + submit; no counter changes)", w.Submit), ("accept (code, clock, counter upserts for received and due)", w.Accept), ("forward (status 2 → 4; facts unchanged, no counter rows)", w.Forward) })
                Line($"| {label} | {Ms(l.Median)} | {Ms(l.P95)} | {(l.Median / Baseline.Median).ToString("#,0.0", CultureInfo.InvariantCulture)} |");
        }
        Line();
        return s.ToString();
    }
}

/// <summary>What the generated population looks like, to show it is the intended one.</summary>
internal sealed class DossierMix
{
    private long _all, _online, _postal, _notReceived, _withdrawn, _stopped, _solved, _late, _pending, _returned, _rated;

    public void Add(MotCua.Web.Features.Dossiers.Dossier d)
    {
        _all++;
        _online += d.Channel == MotCua.Core.Dossiers.Channel.Online ? 1 : 0;
        _postal += d.Channel == MotCua.Core.Dossiers.Channel.Postal ? 1 : 0;
        var fact = Report06a.FactOf(d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt);
        if (fact.ReceivedAt is null)
            _notReceived++;
        else if (fact.End == EndKind.Withdrawn)
            _withdrawn++;
        else if (fact.End == EndKind.Stopped)
            _stopped++;
        else if (fact.End == EndKind.Solved)
        {
            _solved++;
            _late += Report06a.Timeliness(fact.EndedAt!.Value, fact.DueAt) > 0 ? 1 : 0;
        }
        else
            _pending++;
        _returned += d.ReturnedAt is null ? 0 : 1;
        _rated += d.Rating is null ? 0 : 1;
    }

    public override string ToString()
    {
        string P(long part, long whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        return $"Channels: {P(_online, _all)} online, {P(_all - _online - _postal, _all)} in person, {P(_postal, _all)} by post. "
            + $"Outcomes: {P(_solved, _all)} solved ({P(_late, _solved)} of them late), {P(_withdrawn, _all)} withdrawn, {P(_stopped, _all)} stopped, "
            + $"{P(_pending, _all)} pending now, {P(_notReceived, _all)} never received (refused or not yet accepted online); {P(_rated, _returned)} of returned dossiers rated.";
    }
}
