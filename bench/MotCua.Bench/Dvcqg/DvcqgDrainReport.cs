using System.Globalization;
using System.Text;

namespace MotCua.Bench.Dvcqg;

/// <summary>The figures of one DVCQG drain run.</summary>
internal sealed record DrainFigures(int Dossiers, int Workers, string Writer, bool Drained, long Backlog, TimeSpan Fill, double BaselinePerSecond, TimeSpan Drain, double SpanSeconds,
    long Delivered, long FailedOrRetried, long Calls, (Percentiles Submit, Percentiles Accept) Empty, (Percentiles Submit, Percentiles Accept) During,
    long WaitingAfterProbe, OrderCheckResult Check, string Version, IReadOnlyList<string> Loads);

/// <summary>The RESULTS.md section of a DVCQG drain run (DvcqgDrainBench).</summary>
internal static class DvcqgDrainReport
{
    public static string Render(DrainFigures f)
    {
        var perSecond = f.Delivered / f.Drain.TotalSeconds;
        var firstToLast = f.Delivered / f.SpanSeconds;
        var callsPerSecond = f.Calls / f.Drain.TotalSeconds;
        var r = new StringBuilder();
        void Line(string text) => r.AppendLine(text);
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture, $"## DVCQG backlog drain, PostgreSQL, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture, $"Command: `bash bench/dvcqg-drain.sh --dossiers {f.Dossiers} --workers {f.Workers} --writer {f.Writer}`. Machine: {Environment.ProcessorCount} cores shared with other engineers' builds, .NET {Environment.Version}, {f.Version}, Release builds; the deployable, the simulator (`sim/MotCua.Simulator`, Release, its own process), PostgreSQL and the client on the same cores, HTTP on loopback. Dispatcher: {f.Workers} lanes, batches of 200. Load average (1/5/15 min): {string.Join("; ", f.Loads)}."));
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture, $"Backlog: {f.Dossiers:N0} dossiers with a code × {DvcqgBacklog.Actions.Length} changes (forward, assign, transfer, send back, transfer) = **{f.Backlog:N0} DVCQG messages**, written while the target was paused {(f.Writer == "sql" ? "in bulk with the rows the app writes (history rows as `DossierWorkflow.Transition`, sync state, outbox messages with the app's type, target, ordering key `dossier:<id>` and `DossierSyncMessage` payload, round by round)" : "through the app's `AppDbContext.SaveChanges` with its `DossierSyncTracking` (outbox row, ordering key `dossier:<id>` and sync state in each change's transaction; 1,000 dossiers per transaction)")} in {f.Fill.TotalSeconds:0} s. Each message is delivered by the app's `DvcqgSyncHandler`: one `DongBoHoSoMC` (the first an add, then updates) and, for the first, `CapNhatTienDoHoSoMC` with the dossier's history; every call is written to the message log."));
        Line("");
        Line("| What | per second | × baseline |");
        Line("|---|---|---|");
        Line(string.Create(CultureInfo.InvariantCulture, $"| baseline: the simulator's bare `DongBoHoSoMC` add (the app's body for one of these dossiers), {f.Workers} concurrent loops, HttpClient | {f.BaselinePerSecond:0} | 1.0 |"));
        Line(string.Create(CultureInfo.InvariantCulture, $"| **drain: messages delivered**, target resumed → {(f.Drained ? "none waiting" : "run stopped")} ({f.Drain.TotalSeconds:0.0} s) | **{perSecond:0}** | {perSecond / f.BaselinePerSecond:0.00} |"));
        Line(string.Create(CultureInfo.InvariantCulture, $"| drain: messages delivered, first to last delivery ({f.SpanSeconds:0.0} s) | {firstToLast:0} | {firstToLast / f.BaselinePerSecond:0.00} |"));
        Line(string.Create(CultureInfo.InvariantCulture, $"| drain: calls to DVCQG (message log rows, auth included), same window | {callsPerSecond:0} | {callsPerSecond / f.BaselinePerSecond:0.00} |"));
        Line("");
        if (!f.Drained)
            Line(string.Create(CultureInfo.InvariantCulture, $"**Partial drain**: the run stopped the drain after {f.Drain.TotalSeconds:0} s (benchmark runs are kept under ~15 minutes on this shared machine); at the rate above the whole backlog would take {f.Backlog / perSecond / 60:0} minutes. The order check covers the dossiers fully delivered by then."));
        Line(string.Create(CultureInfo.InvariantCulture, $"Delivered {f.Delivered:N0} of {f.Backlog:N0} backlog messages; failed or retried: {f.FailedOrRetried}; {f.Calls:N0} calls logged ({(double)f.Calls / f.Delivered:0.00} per message)."));
        var services = string.Join(", ", f.Check.CallsByService.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}")));
        Line(string.Create(CultureInfo.InvariantCulture, $"Per-dossier order: {f.Check.Dossiers:N0} backlog dossiers checked against the simulator's recorded requests — **{f.Check.Violations} out of order**{(f.Check.FirstViolation is { } v ? $" (first: {v})" : "")}; in the database {f.Check.MessagesOutOfOrder} messages delivered before an earlier one of their dossier, {f.Check.MessagesNotDelivered} not delivered, {f.Check.SyncStatesBehind} sync states behind their last change. Simulator's requests over the whole run (baseline included): {services}."));
        Line("");
        Line("| Dossier action, 1 client, sequential | p50 ms | p95 ms | p99 ms | samples |");
        Line("|---|---|---|---|---|");
        Row(r, "**accept** (`POST /api/dossiers/{id}/accept`), empty queue", f.Empty.Accept);
        Row(r, "**accept**, while the backlog drains", f.During.Accept);
        Row(r, "online submission (upload + submit), empty queue", f.Empty.Submit);
        Row(r, "online submission (upload + submit), while the backlog drains", f.During.Submit);
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture, $"The \"while\" rows start when the target is resumed; {f.WaitingAfterProbe:N0} messages were still waiting when they ended (so every sample was taken during the drain). With DVCQG on, each accept and each submission also queues its own sync message in its transaction."));
        Line("");
        return r.ToString();
    }

    private static void Row(StringBuilder r, string label, Percentiles p) =>
        r.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {p.P50:0.0} | {p.P95:0.0} | {p.P99:0.0} | {p.Samples} |"));
}
