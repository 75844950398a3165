using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Statistics.Counters;

/// <summary>
/// The by-agency counter rows a dashboard needs, read in one query: every year row, the month rows
/// since the start of last year and the day rows of this month. Any prefix whose boundary lies
/// between the start of last year and tomorrow is then summed in memory with the same rule as
/// <see cref="CounterQueries.Before"/> — one round trip for the fifteen periods of the IOC instead of thirty.
/// </summary>
public sealed class CounterSnapshot
{
    private readonly List<Row> rows;
    private readonly DateOnly earliest;
    private readonly DateOnly latest;
    private readonly DateOnly currentMonth;

    private sealed record Row(long AgencyId, Channel Channel, CounterGrain Grain, DateOnly Day, int[] Values);

    private CounterSnapshot(List<Row> rows, DateOnly today)
    {
        this.rows = rows;
        earliest = new DateOnly(today.Year - 1, 1, 1);
        latest = today.AddDays(1);
        currentMonth = new DateOnly(today.Year, today.Month, 1);
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
        var list = await q.Select(c => new
        {
            c.AgencyId,
            c.Channel,
            c.Grain,
            c.Day,
            c.Received,
            c.SolvedEarly,
            c.SolvedOnTime,
            c.SolvedLate,
            c.Withdrawn,
            c.Stopped,
            c.DueOpened,
            c.DueClosed,
            c.Rated1,
            c.Rated2,
            c.Rated3,
            c.Rated4,
            c.Rated5,
        }).ToListAsync(ct);
        return new CounterSnapshot(list.Select(c => new Row(c.AgencyId, c.Channel, c.Grain, c.Day,
            [c.Received, c.SolvedEarly, c.SolvedOnTime, c.SolvedLate, c.Withdrawn, c.Stopped, c.DueOpened, c.DueClosed, c.Rated1, c.Rated2, c.Rated3, c.Rated4, c.Rated5])).ToList(),
            today);
    }

    /// <summary>Sums over every day before <paramref name="day"/> per agency, optionally for one channel.</summary>
    public Dictionary<long, CounterSums> Prefix(DateOnly day, Channel? channel = null)
    {
        // Day rows are loaded for the current month only: other boundaries must be first days of a month.
        if (day < earliest || day > latest || (day.Day != 1 && new DateOnly(day.Year, day.Month, 1) != currentMonth))
            throw new ArgumentOutOfRangeException(nameof(day), day, "The snapshot holds day rows of the current month only.");
        var year = new DateOnly(day.Year, 1, 1);
        var month = new DateOnly(day.Year, day.Month, 1);
        var result = new Dictionary<long, CounterSums>();
        foreach (var r in rows)
        {
            var inPrefix = r.Grain switch
            {
                CounterGrain.Year => r.Day < year,
                CounterGrain.Month => r.Day >= year && r.Day < month,
                _ => r.Day >= month && r.Day < day,
            };
            if (!inPrefix || (channel is { } ch && r.Channel != ch))
                continue;
            if (!result.TryGetValue(r.AgencyId, out var sums))
                result[r.AgencyId] = sums = new CounterSums();
            for (var i = 0; i < r.Values.Length; i++)
                sums[(CounterColumn)i] += r.Values[i];
            if (r.Channel == Channel.Online)
                sums.ReceivedOnline += r.Values[(int)CounterColumn.Received];
        }
        return result;
    }

    /// <summary>Report 06a for the Vietnam dates [from, to] per agency (agencies where nothing counts left out).</summary>
    public Dictionary<long, Report06aFigures> Report06a(DateOnly from, DateOnly to, Channel? channel = null)
    {
        var beforeFrom = Prefix(from, channel);
        var empty = new CounterSums();
        return Prefix(to.AddDays(1), channel)
            .Select(kv => (kv.Key, Figures: Report06aFromCounters.Compute(beforeFrom.GetValueOrDefault(kv.Key) ?? empty, kv.Value)))
            .Where(r => r.Figures.Received > 0)
            .ToDictionary(r => r.Key, r => r.Figures);
    }

    public static Report06aFigures Total(IEnumerable<Report06aFigures> figures) => figures.Aggregate(Report06aFigures.Zero, (sum, f) => sum + f);
}
