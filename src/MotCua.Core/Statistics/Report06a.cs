using MotCua.Core.Dossiers;

namespace MotCua.Core.Statistics;

/// <summary>How a dossier ended, for statistics: solved (result, status 9/10), withdrawn (7) or stopped (8).</summary>
public enum EndKind { None, Solved, Withdrawn, Stopped }

/// <summary>
/// What Report 06a needs of one dossier (UTC instants). Dossiers never received (status 1, or
/// refused at reception, status 3) have no ReceivedAt and are not counted: the report counts
/// dossiers received for processing (Circular 01/2018 art. 11; docs/domain/statistics.md#population).
/// </summary>
public readonly record struct DossierFact(Channel Channel, DateTime? ReceivedAt, DateTime? DueAt, DateTime? EndedAt, EndKind End);

/// <summary>One row of Report II.06a/VPCP/KSTT (columns 3–13) plus the withdrawn/stopped rows of MotCua's convention.</summary>
public sealed record Report06aFigures(
    int CarriedOver, int NewOnline, int NewInPersonOrPostal,
    int SolvedEarly, int SolvedOnTime, int SolvedLate,
    int Withdrawn, int Stopped,
    int PendingWithinTime, int PendingOverdue)
{
    /// <summary>Column 3 = 4 + 5 + 6.</summary>
    public int Received => CarriedOver + NewOnline + NewInPersonOrPostal;
    /// <summary>Column 7 = 8 + 9 + 10.</summary>
    public int Solved => SolvedEarly + SolvedOnTime + SolvedLate;
    /// <summary>Column 11 = 12 + 13.</summary>
    public int Pending => PendingWithinTime + PendingOverdue;

    /// <summary>The convention that makes the totals reconcile: received = solved + withdrawn + stopped + pending.</summary>
    public bool Reconciles => Received == Solved + Withdrawn + Stopped + Pending;

    public static Report06aFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static Report06aFigures operator +(Report06aFigures a, Report06aFigures b) => new(
        a.CarriedOver + b.CarriedOver, a.NewOnline + b.NewOnline, a.NewInPersonOrPostal + b.NewInPersonOrPostal,
        a.SolvedEarly + b.SolvedEarly, a.SolvedOnTime + b.SolvedOnTime, a.SolvedLate + b.SolvedLate,
        a.Withdrawn + b.Withdrawn, a.Stopped + b.Stopped, a.PendingWithinTime + b.PendingWithinTime, a.PendingOverdue + b.PendingOverdue);
}

/// <summary>
/// Report 06a for the period [from, to), with MotCua's written convention (docs/domain/statistics.md#convention):
/// <list type="bullet">
/// <item>carried over (col 6): received before <c>from</c> and not ended before <c>from</c>;</item>
/// <item>new (col 4 online, col 5 in person and by post): received in the period;</item>
/// <item>solved (cols 8–10): result (status 9/10) with its processing end in the period; early, on time
/// or late compare the end with the due moment at minute precision (end &lt; due, =, &gt;); a dossier
/// without an appointment counts as on time;</item>
/// <item>withdrawn, stopped: ended in the period with status 7 or 8 — their own rows, outside col 7;</item>
/// <item>pending (cols 12–13): received before <c>to</c> and not ended before <c>to</c>; overdue when its
/// due moment is before <c>to</c>.</item>
/// </list>
/// Every dossier counted in col 3 is in exactly one of solved, withdrawn, stopped, pending, so
/// received = solved + withdrawn + stopped + pending (<see cref="Report06aFigures.Reconciles"/>).
/// </summary>
public static class Report06a
{
    public static Report06aFigures Compute(IEnumerable<DossierFact> facts, DateTime from, DateTime to)
    {
        if (to <= from)
            throw new ArgumentException("The period must end after it starts.", nameof(to));
        int carried = 0, online = 0, other = 0, early = 0, onTime = 0, late = 0, withdrawn = 0, stopped = 0, within = 0, overdue = 0;
        foreach (var f in facts)
        {
            if (f.ReceivedAt is not { } received || received >= to)
                continue;
            var ended = f.End != EndKind.None ? f.EndedAt : null;
            if (ended is { } e0 && e0 < from)
                continue;
            if (received < from)
                carried++;
            else if (f.Channel == Channel.Online)
                online++;
            else
                other++;

            if (ended is { } end && end < to)
            {
                switch (f.End)
                {
                    case EndKind.Withdrawn: withdrawn++; break;
                    case EndKind.Stopped: stopped++; break;
                    default:
                        switch (Timeliness(end, f.DueAt))
                        {
                            case < 0: early++; break;
                            case 0: onTime++; break;
                            default: late++; break;
                        }
                        break;
                }
            }
            else if (f.DueAt is { } due && due < to)
                overdue++;
            else
                within++;
        }
        return new Report06aFigures(carried, online, other, early, onTime, late, withdrawn, stopped, within, overdue);
    }

    /// <summary>
    /// A dossier's fact from its status and times: withdrawn (7) and stopped (8) end at EndedAt; a
    /// result (9, 10) ends at the end of processing (status 9 time, as Decision 766 indicator 2.1: docs/domain/decision-766.md#on-time); any
    /// other status has not ended.
    /// </summary>
    public static DossierFact FactOf(Channel channel, DossierStatus status, DateTime? received, DateTime? due, DateTime? processingEnded, DateTime? ended) =>
        status switch
        {
            DossierStatus.Withdrawn => new DossierFact(channel, received, due, ended, EndKind.Withdrawn),
            DossierStatus.Stopped => new DossierFact(channel, received, due, ended, EndKind.Stopped),
            DossierStatus.Processed or DossierStatus.Returned => new DossierFact(channel, received, due, processingEnded, EndKind.Solved),
            _ => new DossierFact(channel, received, due, null, EndKind.None),
        };

    /// <summary>-1 early, 0 on time, 1 late: the end against the due moment, both truncated to the minute.</summary>
    public static int Timeliness(DateTime end, DateTime? due)
    {
        if (due is not { } d)
            return 0;
        var e = Truncate(end);
        var t = Truncate(d);
        return e < t ? -1 : e == t ? 0 : 1;
    }

    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, t.Kind);
}
