using MotCua.Core.Calendar;

namespace MotCua.Core.Statistics;

/// <summary>
/// The period of every statistics report and evaluation: Vietnam dates [From, To], both inclusive,
/// the end not before the start and at most ten years long (Report II.06a, Decision 766, Circular
/// 01/2018 all report by periods of dates; ten years bounds the work one request may ask for).
/// </summary>
public readonly record struct ReportPeriod
{
    /// <summary>Longest period accepted, in days between the first and the last date (ten years).</summary>
    public const int MaxDays = 3660;

    public DateOnly From { get; }
    public DateOnly To { get; }

    private ReportPeriod(DateOnly from, DateOnly to) => (From, To) = (from, to);

    /// <summary>The first instant of the period (00:00 Vietnam time of <see cref="From"/>), in UTC.</summary>
    public DateTime StartUtc => VietnamTime.StartOfDayUtc(From);

    /// <summary>The first instant after the period (00:00 Vietnam time of the day after <see cref="To"/>), in UTC: the period is [start, end).</summary>
    public DateTime EndUtc => VietnamTime.StartOfDayUtc(To.AddDays(1));

    /// <summary>The period, or null with the Vietnamese message saying which rule it breaks.</summary>
    /// <param name="name">What the period is called in the message ("Kỳ báo cáo", "Kỳ đánh giá").</param>
    public static ReportPeriod? Create(DateOnly from, DateOnly to, out string? error, string name = "Kỳ báo cáo")
    {
        error = to < from ? "Ngày kết thúc phải sau ngày bắt đầu."
            : to.DayNumber - from.DayNumber > MaxDays ? $"{name} tối đa 10 năm."
            : null;
        return error is null ? new ReportPeriod(from, to) : null;
    }
}
