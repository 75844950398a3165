namespace MotCua.Core.Calendar;

/// <summary>Due moment of a time limit (docs/domain/deadlines.md#time-limits).</summary>
public static class Deadline
{
    /// <summary>
    /// 15:00 cut-off: Decree 61/2018 art. 18 forwards dossiers received after 15:00 at the next
    /// working day; same-day procedures' own texts use the same hour (docs/domain/deadlines.md#same-day).
    /// </summary>
    public static readonly TimeOnly SameDayCutoff = new(15, 0);

    /// <summary>
    /// The clock starts at the next working instant after <paramref name="receivedAt"/>
    /// (docs/domain/deadlines.md#clock-start; Decree 45/2020/NĐ-CP art. 11 for submissions outside hours). Returns a Vietnam-local instant.
    /// </summary>
    public static DateTime Due(WorkingCalendar calendar, DateTime receivedAt, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        receivedAt = VietnamTime.Normalize(receivedAt, nameof(receivedAt));
        if (limit.Value is < 0 or > TimeLimit.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A time limit is between 0 and 10 000.");
        }

        switch (limit.Unit)
        {
            case TimeLimitUnit.WorkingDays:
                // Hour-precise: N working days = N × the day's working hours (docs/domain/deadlines.md#hour-precise).
                return calendar.AddWorkingTime(receivedAt, Scale(calendar.Hours.DayLength, limit.Value));
            case TimeLimitUnit.WorkingHours:
                return calendar.AddWorkingTime(receivedAt, Scale(TimeSpan.FromHours(1), limit.Value));
            case TimeLimitUnit.CalendarDays:
                return CalendarDaysDue(calendar, receivedAt, limit);
            case TimeLimitUnit.SameDay:
                return SameDayDue(calendar, receivedAt);
            default:
                throw new ArgumentOutOfRangeException(nameof(limit), limit, "Unknown time limit unit.");
        }
    }

    /// <summary>Same rule for an absolute instant; the result carries the +07:00 offset.</summary>
    public static DateTimeOffset Due(WorkingCalendar calendar, DateTimeOffset receivedAt, TimeLimit limit) =>
        VietnamTime.ToOffset(Due(calendar, VietnamTime.ToLocal(receivedAt), limit));

    /// <summary>
    /// Civil Code 2015 art. 147: counting starts the day after the event, so the last day is the
    /// clock start's date + N; art. 148: a last day that is a day off moves to the next working day.
    /// </summary>
    private static DateTime CalendarDaysDue(WorkingCalendar calendar, DateTime receivedAt, TimeLimit limit)
    {
        if (decimal.Truncate(limit.Value) != limit.Value)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A calendar-day limit is a whole number of days.");
        }

        var start = DateOnly.FromDateTime(calendar.NextWorkingInstant(receivedAt));
        var last = start.AddDays((int)limit.Value);
        if (!calendar.IsWorkingDay(last))
        {
            last = calendar.NextWorkingDay(last);
        }

        return calendar.CloseOf(last);
    }

    /// <summary>
    /// Same-day rule (docs/domain/deadlines.md#same-day): received on a working day before 15:00 (before opening counts too) → close of that
    /// day; otherwise close of the next working day. Uses the reception time, not the clock start.
    /// </summary>
    private static DateTime SameDayDue(WorkingCalendar calendar, DateTime receivedAt)
    {
        var day = DateOnly.FromDateTime(receivedAt);
        var sameDay = calendar.IsWorkingDay(day)
            && TimeOnly.FromDateTime(receivedAt) < SameDayCutoff
            && receivedAt < calendar.CloseOf(day); // office hours closing before 15:00
        return calendar.CloseOf(sameDay ? day : calendar.NextWorkingDay(day));
    }

    /// <summary><paramref name="unit"/> × <paramref name="factor"/>, rounded to the tick.</summary>
    private static TimeSpan Scale(TimeSpan unit, decimal factor) =>
        TimeSpan.FromTicks((long)decimal.Round(unit.Ticks * factor, MidpointRounding.AwayFromZero));
}
