using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Statistics.Counters;

/// <summary>
/// The by-agency counters a dashboard needs, added up by the database over the agencies of the
/// scope in one query: every year, the months since the start of last year and the days of this
/// month, per channel — about 150 sums whatever the number of dossiers and agencies. Any prefix
/// whose boundary lies between the start of last year and tomorrow is then summed in memory with
/// the same rule as <see cref="CounterQueries.Before"/>. Report 06a figures are differences of
/// prefix sums, so the totals of a scope come from these sums as exactly as from per-agency rows.
/// </summary>
public sealed class CounterSnapshot
{
    private readonly List<Row> _rows;
    private readonly DateOnly _earliest;
    private readonly DateOnly _latest;
    private readonly DateOnly _currentMonth;

    private sealed record Row(CounterGrain Grain, DateOnly Day, Channel Channel, CounterSums Sums);

    private CounterSnapshot(List<Row> _rows, DateOnly today)
    {
        this._rows = _rows;
        _earliest = new DateOnly(today.Year - 1, 1, 1);
        _latest = today.AddDays(1);
        _currentMonth = new DateOnly(today.Year, today.Month, 1);
    }

    public static async Task<CounterSnapshot> LoadAsync(AppDbContext db, IReadOnlyCollection<long>? scope, DateOnly today, CancellationToken ct)
    {
        var lastYear = new DateOnly(today.Year - 1, 1, 1);
        var month = new DateOnly(today.Year, today.Month, 1);
        // Three primary-key ranges joined with UNION ALL (index range scans, see CounterQueries.Before).
        var scoped = CounterQueries.Scope(db, scope, null, null, null);
        var q = scoped.Where(c => c.Grain == CounterGrain.Year)
            .Concat(scoped.Where(c => c.Grain == CounterGrain.Month && c.Day >= lastYear))
            .Concat(scoped.Where(c => c.Grain == CounterGrain.Day && c.Day >= month));
        var sums = await CounterQueries.SumsAsync(q, c => new { c.Grain, c.Day, c.Channel }, ct);
        return new CounterSnapshot(sums.Select(kv => new Row(kv.Key.Grain, kv.Key.Day, kv.Key.Channel, kv.Value)).ToList(), today);
    }

    /// <summary>Sums over every day before <paramref name="day"/>, optionally for one channel.</summary>
    public CounterSums Prefix(DateOnly day, Channel? channel = null)
    {
        // Day rows are loaded for the current month only: other boundaries must be first days of a month.
        if (day < _earliest || day > _latest || (day.Day != 1 && new DateOnly(day.Year, day.Month, 1) != _currentMonth))
            throw new ArgumentOutOfRangeException(nameof(day), day, "The snapshot holds day rows of the current month only.");
        var year = new DateOnly(day.Year, 1, 1);
        var month = new DateOnly(day.Year, day.Month, 1);
        var result = new CounterSums();
        foreach (var r in _rows)
        {
            var inPrefix = r.Grain switch
            {
                CounterGrain.Year => r.Day < year,
                CounterGrain.Month => r.Day >= year && r.Day < month,
                _ => r.Day >= month && r.Day < day,
            };
            if (inPrefix && (channel is not { } ch || r.Channel == ch))
                result.Add(r.Sums);
        }
        return result;
    }

    /// <summary>Report 06a for the Vietnam dates [from, to] over the whole scope.</summary>
    public Report06aFigures Report06a(DateOnly from, DateOnly to, Channel? channel = null) =>
        Report06aFromCounters.Compute(Prefix(from, channel), Prefix(to.AddDays(1), channel));
}
