using MotCua.Core.Calendar;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.DemoData;

/// <summary>
/// Working-time arithmetic on UTC instants for the demo generator: the calendar works in Vietnam
/// local time, the dossier stores UTC, exactly as <see cref="DossierWorkflow"/> converts them.
/// </summary>
internal sealed class DemoClock(WorkingCalendar calendar, DateTime nowUtc)
{
    public WorkingCalendar Calendar => calendar;
    public DateTime Now { get; } = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
    public TimeSpan Day => calendar.Hours.DayLength;

    public DateTime Add(DateTime utc, TimeSpan working) =>
        DossierWorkflow.ToUtc(calendar.AddWorkingTime(DossierWorkflow.Local(utc), working < TimeSpan.Zero ? TimeSpan.Zero : working));

    public TimeSpan Between(DateTime fromUtc, DateTime toUtc) =>
        calendar.WorkingTimeBetween(DossierWorkflow.Local(fromUtc), DossierWorkflow.Local(toUtc));

    public DateTime NextWorkingInstant(DateTime utc) => DossierWorkflow.ToUtc(calendar.NextWorkingInstant(DossierWorkflow.Local(utc)));

    /// <summary>
    /// The instant <paramref name="working"/> of working time before <paramref name="utc"/>, so
    /// that <see cref="Add"/> from it lands back on <paramref name="utc"/>: used to place a
    /// reception such that its due moment falls where a scenario needs it (overdue, due soon).
    /// </summary>
    public DateTime Back(DateTime utc, TimeSpan working)
    {
        var cursor = DossierWorkflow.Local(utc);
        var remaining = working;
        for (var day = DateOnly.FromDateTime(cursor); ; day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day))
            {
                for (var i = calendar.Hours.Sessions.Count - 1; i >= 0; i--)
                {
                    var session = calendar.Hours.Sessions[i];
                    var open = day.ToDateTime(session.Open);
                    var close = day.ToDateTime(session.Close) < cursor ? day.ToDateTime(session.Close) : cursor;
                    if (close <= open)
                        continue;
                    if (close - open > remaining)
                        return DossierWorkflow.ToUtc(close - remaining);
                    remaining -= close - open;
                }
            }
            cursor = day.ToDateTime(TimeOnly.MinValue);
        }
    }

    /// <summary>Working days (Vietnam dates) from <paramref name="fromUtc"/> up to today.</summary>
    public List<DateOnly> WorkingDays(DateTime fromUtc)
    {
        var days = new List<DateOnly>();
        var today = DateOnly.FromDateTime(DossierWorkflow.Local(Now));
        for (var day = DateOnly.FromDateTime(DossierWorkflow.Local(fromUtc)).AddDays(1); day <= today; day = day.AddDays(1))
            if (calendar.IsWorkingDay(day))
                days.Add(day);
        return days;
    }

    /// <summary>Opening of the first session of a working day, as UTC.</summary>
    public DateTime OpeningOf(DateOnly day) => DossierWorkflow.ToUtc(day.ToDateTime(calendar.Hours.FirstOpen));
}

/// <summary>
/// When dossiers arrive: each working day of the window gets a weight (busier Mondays, quiet
/// Fridays, random busy and quiet days), and a reception instant is a weighted day plus a working
/// time into it, mornings busier than afternoons. Today only counts the hours already past.
/// </summary>
internal sealed class DemoSchedule
{
    private readonly DemoClock _clock;
    private readonly List<DateOnly> _days;
    private readonly double[] _cumulative;

    public DemoSchedule(DemoClock clock, DateTime fromUtc, Random rng)
    {
        _clock = clock;
        _days = clock.WorkingDays(fromUtc);
        if (_days.Count == 0)
            throw new InvalidOperationException("The demo window has no working day.");
        _cumulative = new double[_days.Count];
        var total = 0.0;
        for (var i = 0; i < _days.Count; i++)
        {
            var weight = _days[i].DayOfWeek switch
            {
                DayOfWeek.Monday => 1.35,
                DayOfWeek.Tuesday => 1.15,
                DayOfWeek.Friday => 0.8,
                _ => 1.0,
            };
            weight *= 0.45 + (1.1 * rng.NextDouble());
            if (rng.NextDouble() < 0.06)
                weight *= 2.4; // a few peak days (deadlines, campaigns)
            // Activity grows slightly towards the present (more online services over time).
            weight *= 0.85 + (0.3 * i / _days.Count);
            if (i == _days.Count - 1)
                weight *= Math.Clamp(ElapsedShare(_days[i]), 0, 1);
            total += weight;
            _cumulative[i] = total;
        }
    }

    /// <summary>A working instant in the window, not later than a few minutes before now.</summary>
    public DateTime NextInstant(Random rng)
    {
        var target = rng.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        var day = _days[index < 0 ? Math.Min(~index, _days.Count - 1) : index];
        var open = _clock.OpeningOf(day);
        var available = _clock.Between(open, _clock.Now) - TimeSpan.FromMinutes(5);
        var length = available < _clock.Day ? available : _clock.Day;
        if (length <= TimeSpan.Zero)
            return _clock.Back(_clock.Now, TimeSpan.FromMinutes(5 + rng.Next(60)));
        // Power < 1 on the fraction pushes arrivals towards the morning.
        var offset = TimeSpan.FromSeconds(Math.Pow(rng.NextDouble(), 1.25) * length.TotalSeconds);
        return _clock.Add(open, offset);
    }

    private double ElapsedShare(DateOnly day) =>
        _clock.Between(_clock.OpeningOf(day), _clock.Now) / _clock.Day;
}
