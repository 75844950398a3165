namespace MotCua.Core.Calendar;

public enum DayOffKind
{
    /// <summary>A public holiday of Labor Code 2019 art. 112.</summary>
    PublicHoliday,

    /// <summary>A day in lieu for a holiday on a weekend (Labor Code 2019 art. 111.3).</summary>
    Compensatory,

    /// <summary>A day off added by the year's official notice (swapped day, extra Tết day, ...).</summary>
    ExtraDayOff,
}

public enum CalendarOverrideKind
{
    DayOff,
    WorkingDay,
}

/// <summary>
/// One official change for a date (docs/domain/calendar.md#overrides: each year's notice overrides the default): a
/// <see cref="CalendarOverrideKind.DayOff"/> adds (or confirms) a day off; a
/// <see cref="CalendarOverrideKind.WorkingDay"/> makes the date a working day — a make-up
/// Saturday, or the cancellation of a default day off such as a moved 2/9 adjacent day.
/// </summary>
/// <param name="Source">Where the change comes from, e.g. "Thông báo 9441/TB-BNV".</param>
public sealed record CalendarOverride(DateOnly Date, CalendarOverrideKind Kind, string Name, string? Source = null);

/// <param name="AwaitingConfirmation">Present in the default schedule but not yet confirmed by an administrator (docs/domain/calendar.md#awaiting-confirmation).</param>
public sealed record DayOff(DateOnly Date, string Name, DayOffKind Kind, bool AwaitingConfirmation = false);
