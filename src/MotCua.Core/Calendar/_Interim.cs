// Interim declarations until the calendar branch is merged; deleted at merge.
namespace MotCua.Core.Calendar;

public enum TimeLimitUnit { WorkingDays, CalendarDays, WorkingHours, SameDay }
public readonly record struct TimeLimit(decimal Value, TimeLimitUnit Unit);
public enum SupplementPolicy { Pause, Restart }
public readonly record struct LunarDate(int Day, int Month, int Year, bool IsLeapMonth);
public static class LunarCalendar
{
    public const double VietnamTimeZone = 7.0;
    public static LunarDate FromSolar(DateOnly date, double timeZone = VietnamTimeZone) => throw new NotSupportedException();
    public static bool TryToSolar(LunarDate lunar, out DateOnly date, double timeZone = VietnamTimeZone) => throw new NotSupportedException();
    public const int MinYear = 1900, MaxYear = 2199;
}
public enum DayOffKind { PublicHoliday, Compensatory, ExtraDayOff }
public enum CalendarOverrideKind { DayOff, WorkingDay }
public sealed record CalendarOverride(DateOnly Date, CalendarOverrideKind Kind, string Name, string? Source = null);
public sealed record DayOff(DateOnly Date, string Name, DayOffKind Kind, bool AwaitingConfirmation = false);
public static class HolidaySchedule
{
    public static IReadOnlyList<DayOff> DefaultFor(int year) => throw new NotSupportedException();
    public static IReadOnlyList<DayOff> EffectiveFor(int year, IEnumerable<CalendarOverride> overrides) => throw new NotSupportedException();
}
public sealed record WorkSession(TimeOnly Open, TimeOnly Close);
public sealed record OfficeHours(IReadOnlyList<WorkSession> Sessions)
{
    public static OfficeHours Default { get; } = new([new(new(7, 0), new(11, 30)), new(new(13, 30), new(17, 0))]);
}
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);
    public static DateTime ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;
    public static DateTimeOffset ToOffset(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow()));
}
public sealed class WorkingCalendar(OfficeHours hours, IEnumerable<CalendarOverride> overrides)
{
    public OfficeHours Hours { get; } = hours;
    public IEnumerable<CalendarOverride> Overrides { get; } = overrides;
    public bool IsWorkingDay(DateOnly date) => throw new NotSupportedException();
    public DateTime NextWorkingInstant(DateTime local) => throw new NotSupportedException();
}
public static class Deadline
{
    public static DateTimeOffset Due(WorkingCalendar calendar, DateTimeOffset receivedAt, TimeLimit limit) => throw new NotSupportedException();
}
