using MotCua.Core.Calendar;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Bench.Statistics;

/// <summary>
/// How many dossiers are received on each working day of the window, and when in the day. A day's
/// weight is its weekday (busy Mondays, quiet Fridays) × the season (a rush before Tết and at the
/// year's end, a summer lull) × a slow growth (more services over time) × day-to-day noise with a
/// few peak days; counts are the weights scaled to the total, rounded by largest remainder so
/// they sum exactly. Today counts only the working time already past.
/// </summary>
internal sealed class ArrivalPlan
{
    private static readonly double[] Season = [1.15, 0.85, 1.10, 1.00, 1.00, 1.05, 0.90, 0.90, 1.00, 1.05, 1.10, 1.20];

    public required IReadOnlyList<(DateOnly Day, int Count)> Days { get; init; }

    public static ArrivalPlan Create(WorkingCalendar calendar, DateTime nowUtc, int years, int total, Random rng)
    {
        var nowLocal = DossierWorkflow.Local(nowUtc);
        var today = DateOnly.FromDateTime(nowLocal);
        var first = today.AddYears(-years).AddDays(1);
        var days = new List<DateOnly>();
        var weights = new List<double>();
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
                continue;
            var weight = day.DayOfWeek switch
            {
                DayOfWeek.Monday => 1.35,
                DayOfWeek.Tuesday => 1.15,
                DayOfWeek.Friday => 0.8,
                _ => 1.0,
            };
            weight *= Season[day.Month - 1];
            weight *= 0.85 + (0.3 * (day.DayNumber - first.DayNumber) / (today.DayNumber - first.DayNumber + 1.0));
            weight *= 0.8 + (0.4 * rng.NextDouble());
            if (rng.NextDouble() < 0.04)
                weight *= 1.8; // deadlines, campaigns
            if (day == today)
                weight *= ElapsedShare(calendar, nowLocal);
            if (weight <= 0)
                continue;
            days.Add(day);
            weights.Add(weight);
        }
        var sum = weights.Sum();
        var exact = weights.Select(w => w / sum * total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var missing = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(missing))
            counts[i]++;
        return new ArrivalPlan { Days = days.Select((d, i) => (d, counts[i])).ToArray() };
    }

    /// <summary>
    /// A reception instant on a working day, as UTC whole seconds: a point of the day's working time,
    /// mornings busier than afternoons; never later than <paramref name="nowUtc"/> minus a few minutes.
    /// </summary>
    public static DateTime Instant(WorkingCalendar calendar, DateOnly day, DateTime nowUtc, Random rng)
    {
        var length = calendar.Hours.DayLength;
        var open = day.ToDateTime(calendar.Hours.FirstOpen);
        var nowLocal = DossierWorkflow.Local(nowUtc);
        if (day == DateOnly.FromDateTime(nowLocal))
        {
            var past = calendar.WorkingTimeBetween(open, nowLocal) - TimeSpan.FromMinutes(5);
            length = past < length ? past : length;
        }
        if (length <= TimeSpan.Zero)
            return WholeSeconds(nowUtc.AddMinutes(-5));
        var offset = TimeSpan.FromSeconds(Math.Pow(rng.NextDouble(), 1.25) * length.TotalSeconds);
        return WholeSeconds(DossierWorkflow.ToUtc(calendar.AddWorkingTime(open, offset)));
    }

    /// <summary>Whole seconds: PostgreSQL keeps microseconds, so equal instants (end = due) stay equal on both databases.</summary>
    public static DateTime WholeSeconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static double ElapsedShare(WorkingCalendar calendar, DateTime nowLocal)
    {
        var day = DateOnly.FromDateTime(nowLocal);
        return calendar.WorkingTimeBetween(day.ToDateTime(calendar.Hours.FirstOpen), nowLocal) / calendar.Hours.DayLength;
    }
}
