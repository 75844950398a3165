namespace MotCua.Core.Calendar;

/// <summary>Units of a procedure's time limit (docs/domain/deadlines.md#time-limits).</summary>
public enum TimeLimitUnit
{
    /// <summary>"Ngày làm việc": hour-precise, Value × a working day's hours (docs/domain/deadlines.md#hour-precise).</summary>
    WorkingDays,

    /// <summary>"Ngày": calendar days, the end snapped to a working day (Civil Code 2015 art. 147–148).</summary>
    CalendarDays,

    /// <summary>"Giờ": hours of working time.</summary>
    WorkingHours,

    /// <summary>Within the day, with the 15:00 cut-off (Decree 61/2018 art. 18).</summary>
    SameDay,
}

/// <summary>
/// A time limit of a procedure case. WorkingDays may be fractional (0.5 = half the working
/// day's hours, 4 h by default); CalendarDays must be whole; SameDay ignores the value.
/// </summary>
public readonly record struct TimeLimit(decimal Value, TimeLimitUnit Unit)
{
    /// <summary>Upper bound on a value; no procedure has a limit anywhere near it.</summary>
    public const decimal MaxValue = 10_000m;

    public decimal Value { get; init; } = Value is >= 0 and <= MaxValue
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(Value), Value, "A time limit is between 0 and 10 000.");
}

/// <summary>What a completed supplement does to the processing clock (docs/domain/deadlines.md#supplement-policy).</summary>
public enum SupplementPolicy
{
    /// <summary>The clock was paused while waiting; due moves later by the paused working time (KPI, Decision 766 indicator 2.1). Default.</summary>
    Pause,

    /// <summary>The full limit is counted again from the beginning (Decree 61/2018 art. 19.4).</summary>
    Restart,
}
