using System.Collections.Concurrent;

namespace MotCua.Core.Calendar;

/// <summary>
/// The working calendar (docs/domain/calendar.md#working-days): a working day is a weekday that is not a day
/// off, or a make-up day (a <see cref="CalendarOverrideKind.WorkingDay"/> override, e.g. a
/// swapped Saturday); working time is the office sessions of working days. All instants are
/// Vietnam-local (see <see cref="VietnamTime"/>). Thread-safe.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly ILookup<int, CalendarOverride> _overridesByYear;
    private readonly ConcurrentDictionary<int, Lazy<YearDays>> _years = new();

    public WorkingCalendar(OfficeHours hours, IEnumerable<CalendarOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(overrides);
        Hours = hours;
        Overrides = overrides.ToList().AsReadOnly();
        _overridesByYear = Overrides.ToLookup(static o => o.Date.Year);
    }

    public OfficeHours Hours { get; }

    /// <summary>The official changes this calendar applies, in the order given.</summary>
    public IReadOnlyList<CalendarOverride> Overrides { get; }

    /// <summary>Effective days off of <paramref name="year"/> (<see cref="HolidaySchedule.EffectiveFor"/>).</summary>
    public IReadOnlyList<DayOff> DaysOff(int year) => For(year).DaysOff;

    public bool IsWorkingDay(DateOnly date)
    {
        var year = For(date.Year);
        return year.MakeUpDays.Contains(date) || (!HolidaySchedule.IsWeekend(date) && !year.DayOffDates.Contains(date));
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Close of the last session of <paramref name="workingDay"/> (the date is not checked).</summary>
    public DateTime CloseOf(DateOnly workingDay) => workingDay.ToDateTime(Hours.LastClose);

    /// <summary>
    /// <paramref name="local"/> itself when inside a session; otherwise the next opening. A
    /// session is [Open, Close): an instant equal to a close moves to the next opening.
    /// </summary>
    public DateTime NextWorkingInstant(DateTime local) => NextSlot(VietnamTime.Normalize(local, nameof(local))).Start;

    /// <summary>
    /// Adds <paramref name="amount"/> of working time, skipping lunch, nights, weekends and days
    /// off. Returns the earliest instant at which the amount is used up, so an amount used up at
    /// a close returns that close (docs/domain/deadlines.md#boundary: 1 day from Thursday 07:00 is Thursday 17:00).
    /// </summary>
    public DateTime AddWorkingTime(DateTime start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var remaining = amount;
        var (at, close) = NextSlot(VietnamTime.Normalize(start, nameof(start)));
        while (remaining > close - at)
        {
            remaining -= close - at;
            (at, close) = NextSlot(close);
        }

        return at + remaining;
    }

    /// <summary>Working time inside sessions between two instants; negative when <paramref name="to"/> is earlier.</summary>
    public TimeSpan WorkingTimeBetween(DateTime from, DateTime to)
    {
        from = VietnamTime.Normalize(from, nameof(from));
        to = VietnamTime.Normalize(to, nameof(to));
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        var last = DateOnly.FromDateTime(to);
        for (var day = DateOnly.FromDateTime(from); day <= last; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var session in Hours.Sessions)
            {
                var open = Max(from, day.ToDateTime(session.Open));
                var close = Min(to, day.ToDateTime(session.Close));
                if (close > open)
                {
                    total += close - open;
                }
            }
        }

        return total;
    }

    /// <summary>The next working instant and the close of the session it lies in.</summary>
    private (DateTime Start, DateTime Close) NextSlot(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        if (IsWorkingDay(date))
        {
            foreach (var session in Hours.Sessions)
            {
                var close = date.ToDateTime(session.Close);
                if (local < close)
                {
                    return (Max(local, date.ToDateTime(session.Open)), close);
                }
            }
        }

        var next = NextWorkingDay(date);
        var first = Hours.Sessions[0];
        return (next.ToDateTime(first.Open), next.ToDateTime(first.Close));
    }

    private YearDays For(int year) =>
        _years.GetOrAdd(year, y => new Lazy<YearDays>(() => BuildYear(y))).Value;

    private YearDays BuildYear(int year)
    {
        var changes = _overridesByYear[year];
        var daysOff = HolidaySchedule.EffectiveFor(year, changes);
        // The last override of a date wins, as in HolidaySchedule.EffectiveFor.
        var makeUpDays = changes
            .GroupBy(static o => o.Date)
            .Where(static g => g.Last().Kind == CalendarOverrideKind.WorkingDay)
            .Select(static g => g.Key)
            .ToHashSet();
        return new YearDays(daysOff, daysOff.Select(static d => d.Date).ToHashSet(), makeUpDays);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record YearDays(IReadOnlyList<DayOff> DaysOff, HashSet<DateOnly> DayOffDates, HashSet<DateOnly> MakeUpDays);
}
