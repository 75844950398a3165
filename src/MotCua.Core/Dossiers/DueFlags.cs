using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>The flag shown next to a dossier in every office queue (docs/domain/deadlines.md#due-flags).</summary>
public enum DueFlag
{
    None,

    /// <summary>At most one working day of working time left.</summary>
    DueSoon,

    Overdue,
}

public static class DueFlags
{
    /// <summary>
    /// None without a due moment or once the clock has stopped for good (terminal statuses and
    /// 9, whose approval time is the KPI end, docs/domain/dossier-states.md#terminal); Overdue when <paramref name="now"/> is
    /// past the due moment; DueSoon when at most one working day (the office day's hours,
    /// docs/domain/calendar.md#office-hours) of working time is left. Paused statuses (5, 6) are flagged against the due
    /// the caller passes; give the due as of the pause if a pause should not count.
    /// Instants are Vietnam-local.
    /// </summary>
    public static DueFlag Of(WorkingCalendar calendar, DateTime now, DateTime? due, DossierStatus status)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (due is not { } at || DossierStateMachine.IsTerminal(status) || status == DossierStatus.Processed)
        {
            return DueFlag.None;
        }

        // Kind matters: a UTC "now" against a Vietnam-local due would be 7 hours off.
        now = VietnamTime.Normalize(now, nameof(now));
        at = VietnamTime.Normalize(at, nameof(due));
        if (now > at)
        {
            return DueFlag.Overdue;
        }

        return calendar.WorkingTimeBetween(now, at) <= calendar.Hours.DayLength ? DueFlag.DueSoon : DueFlag.None;
    }
}
