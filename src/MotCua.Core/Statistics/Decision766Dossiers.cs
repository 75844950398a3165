using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

namespace MotCua.Core.Statistics;

/// <summary>The counts behind the dossier indicators of Decision 766 (1.4, 2.1, 2.2, 3.3, 4.1, 4.2, 4.5b, 5.4) for one unit and period.</summary>
public sealed record Dossier766Counts
{
    // 2.1 — denominator: received before the period end and not ended before its start.
    public int Counted { get; init; }
    public int ReceivedInPeriod { get; init; }
    public int CarriedIn { get; init; }
    public int FinishedOnTime { get; init; }
    public int FinishedLate { get; init; }
    public int PendingWithinTime { get; init; }
    public int PendingOverdue { get; init; }
    public int AwaitingSupplement { get; init; }
    public int SupplementedMoreThanOnce { get; init; }
    public int OnTime => FinishedOnTime + PendingWithinTime;
    public int Late => FinishedLate + PendingOverdue;

    // 2.2 — solved (result, status 9/10) with the end of processing in the period.
    public int Solved { get; init; }
    public TimeSpan SolvedWorkingTime { get; init; }

    // 3.3 — received in the period.
    public int ReceivedOnline { get; init; }
    public int OnlineWithElectronicResultWhereRequired { get; init; }
    public int ReceivedInPerson { get; init; }
    public int ReceivedByPost { get; init; }

    // 4.1 — solved in the period, of procedures whose result is a document.
    public int SolvedWithDocumentResult { get; init; }
    public int SolvedWithElectronicResult { get; init; }

    // 4.2 — received in the period.
    public int Digitised { get; init; }

    // 5.4 — among the 2.1 set, rated 1–2 before the cut-off.
    public int Disliked { get; init; }
    public int Rated { get; init; }

    // 1.4 — received in the period and held by the national portal.
    public int SyncedToPortal { get; init; }
    /// <summary>
    /// 1.4's denominator when nothing was received in the period: the previous year's received dossiers
    /// / 12 for a month, / 4 for a quarter, × 1 for a year (pro rata by days for another range).
    /// </summary>
    public decimal PreviousYearShare { get; init; }

    // 4.5b — received in the period with data from the population database.
    public int UsedPopulationData { get; init; }
}

/// <summary>Average processing time of one procedure (indicator 2.2, monitoring).</summary>
public sealed record ProcessingTime766(string ProcedureCode, string ProcedureName, int Solved, decimal AverageWorkingDays);

/// <summary>
/// Counts the dossier indicators of Decision 766 over per-dossier facts for the period [from, to)
/// (UTC), with "now" capping the cut-off of unfinished dossiers (a pending dossier is judged at the
/// moment of measurement, never at a future period end). Rules per indicator (docs/domain/decision-766.md#indicators):
/// <list type="bullet">
/// <item>2.1: <see cref="OnTime766"/> over the dossiers received in the period plus those carried in;</item>
/// <item>2.2: working time from the clock start to the end of processing minus the paused working time,
/// over dossiers solved in the period;</item>
/// <item>3.3: online dossiers received in the period that, when the procedure's result is a document and
/// the result exists, have it as an electronic file;</item>
/// <item>4.1: dossiers solved in the period of procedures whose result is a document, with a result file;</item>
/// <item>4.2: dossiers received in the period whose required components came as files, with an electronic
/// result where 3.3 requires one;</item>
/// <item>5.4: the 2.1 set, late ones and those rated "dislike" (1–2 on the 5-level scale) before the cut-off.</item>
/// </list>
/// </summary>
public static class Decision766Dossiers
{
    public static Dossier766Counts Count(IEnumerable<Dossier766Fact> facts, DateTime from, DateTime to, DateTime now, WorkingCalendar? calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var period = new Dossier766Period(from, to, now, calendar);
        var tally = new Dossier766Tally(period);
        foreach (var f in facts)
            tally.Add(period.Judge(f));
        return tally.Counts;
    }

    /// <summary>Indicator 2.2 per procedure: dossiers solved in the period and their average working days, by procedure code.</summary>
    public static IReadOnlyList<ProcessingTime766> ProcessingTimes(IEnumerable<Dossier766Fact> facts, DateTime from, DateTime to, WorkingCalendar? calendar, decimal workingDayHours)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var period = new Dossier766Period(from, to, to, calendar);
        var tally = new ProcessingTime766Tally();
        foreach (var f in facts)
            tally.Add(period.Judge(f));
        return tally.Result(workingDayHours);
    }

    /// <summary>Average working days, rounded to 2 decimals; 0 for no dossier.</summary>
    public static decimal WorkingDays(TimeSpan total, int dossiers, decimal workingDayHours) =>
        dossiers == 0 || workingDayHours <= 0 ? 0 : Math.Round((decimal)total.TotalHours / workingDayHours / dossiers, 2, MidpointRounding.AwayFromZero);

    /// <summary>Solved (result, status 9/10) with the end of processing in [from, to).</summary>
    public static bool IsSolvedIn(Dossier766Fact f, DateTime from, DateTime to) =>
        f.HasResult && f.ReceivedAt is not null && OnTime766.EndOfProcessing(f) is { } end && end >= from && end < to;

    /// <summary>Working time from the clock start to the end of processing, minus the time the clock was paused.</summary>
    public static TimeSpan ProcessingTime(Dossier766Fact f, WorkingCalendar? calendar)
    {
        if (calendar is null || f.ClockStartAt is not { } start || OnTime766.EndOfProcessing(f) is not { } end)
            return TimeSpan.Zero;
        var worked = calendar.WorkingTimeBetween(OnTime766.Local(start), OnTime766.Local(end)) - f.PausedWorkingTime;
        return worked < TimeSpan.Zero ? TimeSpan.Zero : worked;
    }
}
