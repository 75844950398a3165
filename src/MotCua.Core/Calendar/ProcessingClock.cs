namespace MotCua.Core.Calendar;

/// <summary>
/// The processing clock of a dossier, pausable for supplements (docs/domain/deadlines.md#pauses): supplements pause
/// the clock by default (KPI-consistent, Decision 766 indicator 2.1); the legal restart policy
/// (Decree 61/2018 art. 19.4, "counted again from the beginning") is selectable; the number of
/// supplements is kept. Immutable; instants are Vietnam-local.
/// </summary>
/// <param name="StartedAt">When the clock first started; a restart does not change it.</param>
/// <param name="PausedWorkingTime">Working time spent paused, over all pauses.</param>
public sealed record ProcessingClock(
    TimeLimit Limit,
    DateTime StartedAt,
    DateTime Due,
    DateTime? PausedAt,
    int PauseCount,
    TimeSpan PausedWorkingTime)
{
    public static ProcessingClock Start(WorkingCalendar calendar, DateTime receivedAt, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new ProcessingClock(
            limit,
            calendar.NextWorkingInstant(receivedAt),
            Deadline.Due(calendar, receivedAt, limit),
            PausedAt: null,
            PauseCount: 0,
            PausedWorkingTime: TimeSpan.Zero);
    }

    public bool IsPaused => PausedAt.HasValue;

    /// <exception cref="InvalidOperationException">The clock is already paused.</exception>
    public ProcessingClock Pause(DateTime at)
    {
        if (IsPaused)
        {
            throw new InvalidOperationException("The processing clock is already paused.");
        }

        return this with { PausedAt = VietnamTime.Normalize(at, nameof(at)), PauseCount = PauseCount + 1 };
    }

    /// <exception cref="InvalidOperationException">The clock is not paused.</exception>
    public ProcessingClock Resume(WorkingCalendar calendar, DateTime at, SupplementPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (PausedAt is not { } pausedAt)
        {
            throw new InvalidOperationException("The processing clock is not paused.");
        }

        at = VietnamTime.Normalize(at, nameof(at));
        if (at < pausedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "A clock cannot resume before it was paused.");
        }

        var paused = calendar.WorkingTimeBetween(pausedAt, at);
        var due = policy switch
        {
            // No working time passed: keep the due as is (adding zero would move a due shown
            // at a close to the next opening).
            SupplementPolicy.Pause => paused == TimeSpan.Zero ? Due : calendar.AddWorkingTime(Due, paused),
            SupplementPolicy.Restart => Deadline.Due(calendar, at, Limit),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown supplement policy."),
        };
        return this with { Due = due, PausedAt = null, PausedWorkingTime = PausedWorkingTime + paused };
    }

    /// <summary>Working time left until Due (negative when overdue); while paused, measured at PausedAt.</summary>
    public TimeSpan RemainingWorkingTime(WorkingCalendar calendar, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingTimeBetween(PausedAt ?? at, Due);
    }
}
