using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

namespace MotCua.Core.Statistics;

/// <summary>One participating unit's turn on a dossier: when it handed the dossier on, and its allotted due moment (UTC).</summary>
public readonly record struct StepTime(DateTime End, DateTime Due);

/// <summary>
/// One history row as indicator 2 reads it (UTC). MotCua writes on every row the step the dossier
/// was in and that step's due moment <em>before</em> the action (DossierWorkflow.Transition), so
/// the rows of one turn share (Step, StepDueAt) and the last of them is the action that ended it.
/// </summary>
public readonly record struct StepEvent(DateTime At, DossierAction? Action, int? Step, DateTime? StepDueAt);

/// <summary>
/// The turns of the units that took part in a dossier (Circular 01/2018 art. 13 indicator 2, "kể
/// cả đơn vị phối hợp"), read from its history and its consultations.
/// </summary>
public static class Evaluation01Steps
{
    /// <summary>
    /// Each maximal run of consecutive rows with the same (Step, StepDueAt) is one turn, ended by
    /// its last row: the one-stop unit's forwarding (Step null with the forward deadline, Decree
    /// 61/2018 art. 18) and every step of the internal process. Rows without a step due end a turn
    /// and start none. A supplement or financial-obligation pause inside a turn (request → confirm)
    /// moves its due by the working time paused, as the dossier's own clock does (docs/domain/deadlines.md#pauses):
    /// MotCua keeps the step due unchanged while paused, and the applicant's time is not the unit's.
    /// </summary>
    public static IReadOnlyList<StepTime> FromHistory(IEnumerable<StepEvent> history, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(calendar);
        var turns = new List<StepTime>();
        (int? Step, DateTime Due)? current = null;
        var lastAt = default(DateTime);
        var paused = TimeSpan.Zero;
        DateTime? pausedAt = null;

        void Close()
        {
            if (current is { } turn)
                turns.Add(new StepTime(lastAt, Extend(calendar, turn.Due, paused)));
            current = null;
            paused = TimeSpan.Zero;
            pausedAt = null;
        }

        foreach (var e in history)
        {
            (int?, DateTime)? key = e.StepDueAt is { } due ? (e.Step, due) : null;
            if (current != key)
                Close();
            if (key is null)
                continue;
            current = key;
            lastAt = e.At;
            if (e.Action is DossierAction.RequestSupplement or DossierAction.RequestPayment)
                pausedAt ??= e.At;
            else if (e.Action is DossierAction.ConfirmSupplement or DossierAction.ConfirmPayment && pausedAt is { } from)
            {
                paused += calendar.WorkingTimeBetween(Local(from), Local(e.At));
                pausedAt = null;
            }
        }
        Close();
        return turns;
    }

    /// <summary>
    /// A consulted agency's turn (Decree 61/2018 art. 19.5): its answer against the consultation's
    /// due. Unanswered when processing ended: late if that end is past the due, otherwise it took
    /// no part that can be timed (null).
    /// </summary>
    public static StepTime? Consultation(DateTime due, DateTime? answeredAt, DateTime processingEnded) =>
        answeredAt is { } answered ? new StepTime(answered, due)
        : processingEnded > due ? new StepTime(processingEnded, due)
        : null;

    private static DateTime Extend(WorkingCalendar calendar, DateTime dueUtc, TimeSpan paused) =>
        paused <= TimeSpan.Zero ? dueUtc
        : VietnamTime.ToOffset(calendar.AddWorkingTime(Local(dueUtc), paused)).UtcDateTime;

    private static DateTime Local(DateTime utc) => VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
