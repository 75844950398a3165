using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

namespace MotCua.Core.Statistics;

/// <summary>A supplement requested during processing (status 5), and when the complete supplement was accepted (the clock resumed), if it was.</summary>
public readonly record struct SupplementSpan(DateTime RequestedAt, DateTime? ReturnedAt);

/// <summary>
/// What the Decision 766 indicators need of one dossier. Instants are UTC (their Kind is not
/// trusted: providers hand back Unspecified). Only dossiers received for processing have
/// <see cref="ReceivedAt"/>; one refused at reception (status 3) or withdrawn before reception
/// was never received and is not counted (Decree 61/2018 art. 17; docs/domain/statistics.md#population).
/// </summary>
public sealed record Dossier766Fact
{
    public string ProcedureCode { get; init; } = "";
    public string ProcedureName { get; init; } = "";
    public DossierStatus Status { get; init; }
    public Channel Channel { get; init; }
    public DateTime? ReceivedAt { get; init; }
    public DateTime? ClockStartAt { get; init; }
    /// <summary>The current due moment: MotCua moves it later by the paused working time on every resume.</summary>
    public DateTime? DueAt { get; init; }
    /// <summary>Time of status 9 (result ready), kept when the result is then returned (10).</summary>
    public DateTime? ProcessedAt { get; init; }
    public DateTime? ReturnedAt { get; init; }
    /// <summary>Time of status 3, 7 or 8.</summary>
    public DateTime? EndedAt { get; init; }
    /// <summary>Set while the clock is paused for a financial obligation not yet paid (status 6).</summary>
    public DateTime? PausedForPaymentAt { get; init; }
    /// <summary>Working time the clock was paused (supplements and financial obligations), already added to <see cref="DueAt"/>.</summary>
    public TimeSpan PausedWorkingTime { get; init; }
    public bool NoAppointment { get; init; }
    /// <summary>The legal time limit the dossier was received under; null when unknown.</summary>
    public TimeLimit? Limit { get; init; }
    /// <summary>Supplements requested during processing, in any order.</summary>
    public IReadOnlyList<SupplementSpan> Supplements { get; init; } = [];
    /// <summary>The procedure's result is a document (the catalogue names a result), so an electronic result is expected.</summary>
    public bool ResultIsDocument { get; init; }
    /// <summary>A result file (the signed result, digitised) is attached to the dossier.</summary>
    public bool HasElectronicResult { get; init; }
    /// <summary>Every required component of the case was received as a file, and there is at least one.</summary>
    public bool ComponentsDigitised { get; init; }
    public int? Rating { get; init; }
    public DateTime? RatedAt { get; init; }
    /// <summary>The national portal has the dossier (an add was acknowledged once): indicator 1.4.</summary>
    public bool SyncedToPortal { get; init; }
    /// <summary>The applicant's data were filled from, or checked against, the national population database: indicator 4.5.</summary>
    public bool UsedPopulationData { get; init; }

    /// <summary>The dossier has its result (status 9 or 10).</summary>
    public bool HasResult => Status is DossierStatus.Processed or DossierStatus.Returned;
}

public enum OnTime766Rule
{
    /// <summary>Ended (9 &gt; 10 &gt; 8/3, or 7 after reception) before the cut-off: its end against the due moment.</summary>
    Finished,
    /// <summary>Not finished at the cut-off: the cut-off against the due moment.</summary>
    Pending,
    /// <summary>Waiting for a supplement the applicant has not returned: the request time against the due moment.</summary>
    AwaitingSupplement,
    /// <summary>Waiting for a financial obligation to be paid: the clock stopped when it was requested.</summary>
    AwaitingPayment,
}

/// <summary>The verdict of indicator 2.1 for one dossier, with the end of processing it used.</summary>
public readonly record struct OnTime766Outcome(bool OnTime, DateTime End, OnTime766Rule Rule, bool SupplementedMoreThanOnce);

/// <summary>
/// Indicator 2.1 of Decision 766/QĐ-TTg for one dossier, exactly as DVCQG describes it (docs/domain/decision-766.md#on-time
/// and docs/domain/statistics.md#timeliness):
/// <list type="bullet">
/// <item>the end of processing is the time of the first terminal status among 9 (processed) &gt;
/// 10 (returned) &gt; 8 (stopped) / 3 (refused), and 7 (withdrawn) for a dossier that was received;
/// when both 9 and 10 exist, 9;</item>
/// <item>a dossier not ended before the cut-off (the period end, or now if earlier) ends at the cut-off;</item>
/// <item>a dossier waiting for a supplement the applicant has not returned ends at the request time —
/// also when it was then stopped or withdrawn for that reason;</item>
/// <item>more than one supplement request during processing makes the dossier late;</item>
/// <item>on time ⇔ end ≤ due, compared to the minute (as Report 06a, docs/domain/statistics.md#timeliness).</item>
/// </list>
/// Supplement time is NOT subtracted from the end here: MotCua's due moment already moved later by
/// the paused working time when the clock resumed (DossierWorkflow.ResumeClock, policy Pause — the
/// KPI-consistent default, docs/domain/deadlines.md#supplement-policy), so "end − supplement time ≤ due" is "end ≤ DueAt"; subtracting it
/// again would count it twice. The same holds for a paid financial obligation, which also pauses the
/// clock (docs/domain/deadlines.md#pauses); one still unpaid ends, like an unreturned supplement, when the clock stopped.
/// A dossier without an appointment (no due moment) is on time when its elapsed working time minus
/// the supplement time is within the legal limit it was received under; MotCua keeps that limit on
/// the dossier, so it is known — if it were not, the dossier would count as on time.
/// </summary>
public static class OnTime766
{
    /// <summary>The first terminal status time, or null while the dossier is not ended.</summary>
    public static DateTime? EndOfProcessing(Dossier766Fact f) => f.Status switch
    {
        DossierStatus.Processed or DossierStatus.Returned => f.ProcessedAt ?? f.ReturnedAt,
        DossierStatus.Stopped or DossierStatus.Refused => f.EndedAt,
        DossierStatus.Withdrawn => f.ReceivedAt is null ? null : f.EndedAt,
        _ => null,
    };

    /// <summary>
    /// In the denominator of 2.1 for [from, to): received before the period end and not ended before
    /// its start — received in the period plus carried in (the Report 06a column 3 set).
    /// </summary>
    public static bool Counts(Dossier766Fact f, DateTime from, DateTime to) =>
        f.ReceivedAt is { } received && received < to && !(EndOfProcessing(f) is { } end && end < from);

    /// <param name="cutoff">The period end, or now when the period has not ended yet.</param>
    /// <param name="calendar">Needed only for dossiers without an appointment.</param>
    public static OnTime766Outcome Evaluate(Dossier766Fact f, DateTime cutoff, WorkingCalendar? calendar)
    {
        ArgumentNullException.ThrowIfNull(f);
        var terminal = EndOfProcessing(f);
        var finished = terminal is { } t && t < cutoff;
        var end = finished ? terminal!.Value : cutoff;
        var rule = finished ? OnTime766Rule.Finished : OnTime766Rule.Pending;

        var requested = f.Supplements.Where(s => s.RequestedAt < end).OrderBy(s => s.RequestedAt).ToList();
        if (requested.Count > 0 && !(requested[^1].ReturnedAt is { } returned && returned <= end))
        {
            end = requested[^1].RequestedAt;
            rule = OnTime766Rule.AwaitingSupplement;
        }
        else if (!finished && f.PausedForPaymentAt is { } paused && paused < cutoff)
        {
            end = paused;
            rule = OnTime766Rule.AwaitingPayment;
        }

        var twice = requested.Count > 1;
        var onTime = !twice && WithinLimit(f, end, requested, calendar);
        return new OnTime766Outcome(onTime, end, rule, twice);
    }

    private static bool WithinLimit(Dossier766Fact f, DateTime end, List<SupplementSpan> supplements, WorkingCalendar? calendar)
    {
        if (f.DueAt is { } due)
            return Report06a.Timeliness(end, due) <= 0;
        if (calendar is null || f.Limit is not { } limit || f.ClockStartAt is not { } start)
            return true;
        var begin = Local(start);
        var allowed = calendar.WorkingTimeBetween(begin, Deadline.Due(calendar, begin, limit));
        var paused = supplements.Where(s => s.ReturnedAt is { } r && r <= end)
            .Aggregate(TimeSpan.Zero, (sum, s) => sum + calendar.WorkingTimeBetween(Local(s.RequestedAt), Local(s.ReturnedAt!.Value)));
        var used = calendar.WorkingTimeBetween(begin, Local(end)) - paused;
        return Minutes(used) <= Minutes(allowed);
    }

    /// <summary>Vietnam-local time of a UTC instant whatever its Kind (the calendar works in local time).</summary>
    public static DateTime Local(DateTime utc) => VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    private static long Minutes(TimeSpan t) => (long)Math.Floor(t.TotalMinutes);
}
