using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Statistics.Counters;

/// <summary>
/// Reads the statistics counters. A sum over every day before D reads whole years before D's year,
/// whole months of that year before D's month, and the days of D's month before D — at most a few
/// dozen rows per agency and channel whatever the number of dossiers; a period [F, T] is the prefix
/// before T + 1 day minus the prefix before F.
/// </summary>
public static class CounterQueries
{
    /// <summary>The counter rows of a scope: the by-agency cube unless a sector or procedure is asked for.</summary>
    public static IQueryable<StatisticsCounter> Scope(AppDbContext db, IReadOnlyCollection<long>? agencies, string? sector, string? procedure, Channel? channel,
        bool byProcedure = false)
    {
        var fine = byProcedure || !string.IsNullOrWhiteSpace(sector) || !string.IsNullOrWhiteSpace(procedure);
        var cube = fine ? CounterCube.ByProcedure : CounterCube.ByAgency;
        var q = db.StatisticsCounters.AsNoTracking().Where(c => c.Cube == cube);
        if (agencies is not null)
            q = q.Where(c => agencies.Contains(c.AgencyId));
        if (!string.IsNullOrWhiteSpace(sector))
            q = q.Where(c => c.SectorCode == sector);
        if (!string.IsNullOrWhiteSpace(procedure))
            q = q.Where(c => c.ProcedureCode == procedure);
        if (channel is { } ch)
            q = q.Where(c => c.Channel == ch);
        return q;
    }

    /// <summary>
    /// The rows of every day before <paramref name="day"/>: three key ranges on the primary key
    /// (cube, grain, day…) joined with UNION ALL, so each is an index range scan — one OR'ed
    /// condition would make SQLite scan the whole table.
    /// </summary>
    public static IQueryable<StatisticsCounter> Before(IQueryable<StatisticsCounter> q, DateOnly day)
    {
        var year = new DateOnly(day.Year, 1, 1);
        var month = new DateOnly(day.Year, day.Month, 1);
        return q.Where(c => c.Grain == CounterGrain.Year && c.Day < year)
            .Concat(q.Where(c => c.Grain == CounterGrain.Month && c.Day >= year && c.Day < month))
            .Concat(q.Where(c => c.Grain == CounterGrain.Day && c.Day >= month && c.Day < day));
    }

    /// <summary>Sums over every day before <paramref name="day"/>, grouped by <paramref name="key"/>.</summary>
    public static Task<Dictionary<TKey, CounterSums>> PrefixAsync<TKey>(IQueryable<StatisticsCounter> q, DateOnly day,
        Expression<Func<StatisticsCounter, TKey>> key, CancellationToken ct) where TKey : notnull =>
        SumsAsync(Before(q, day), key, ct);

    /// <summary>
    /// Sums from 1 January of <paramref name="year"/> to now of the quantities dated when their event
    /// happens — received, solved, withdrawn, stopped, ratings: the year rows alone, a handful per
    /// agency and procedure instead of every month and day row of the year. Exact because an event is
    /// never dated after the clock; <b>not</b> for DueOpened/DueClosed, which can be dated at a deadline
    /// still to come (use <see cref="PrefixAsync"/> for them).
    /// </summary>
    public static Task<Dictionary<TKey, CounterSums>> YearToDateAsync<TKey>(IQueryable<StatisticsCounter> q, int year,
        Expression<Func<StatisticsCounter, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var first = new DateOnly(year, 1, 1);
        return SumsAsync(q.Where(c => c.Grain == CounterGrain.Year && c.Day == first), key, ct);
    }

    /// <summary>Column sums of <paramref name="rows"/> grouped by <paramref name="key"/>, added up by the database.</summary>
    public static async Task<Dictionary<TKey, CounterSums>> SumsAsync<TKey>(IQueryable<StatisticsCounter> rows,
        Expression<Func<StatisticsCounter, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var sums = await rows.GroupBy(key).Select(g => new
        {
            g.Key,
            Received = g.Sum(c => (long)c.Received),
            ReceivedOnline = g.Sum(c => c.Channel == Channel.Online ? (long)c.Received : 0L),
            SolvedEarly = g.Sum(c => (long)c.SolvedEarly),
            SolvedOnTime = g.Sum(c => (long)c.SolvedOnTime),
            SolvedLate = g.Sum(c => (long)c.SolvedLate),
            Withdrawn = g.Sum(c => (long)c.Withdrawn),
            Stopped = g.Sum(c => (long)c.Stopped),
            DueOpened = g.Sum(c => (long)c.DueOpened),
            DueClosed = g.Sum(c => (long)c.DueClosed),
            Rated1 = g.Sum(c => (long)c.Rated1),
            Rated2 = g.Sum(c => (long)c.Rated2),
            Rated3 = g.Sum(c => (long)c.Rated3),
            Rated4 = g.Sum(c => (long)c.Rated4),
            Rated5 = g.Sum(c => (long)c.Rated5),
        }).ToListAsync(ct);
        return sums.ToDictionary(r => r.Key, r =>
        {
            var s = new CounterSums { ReceivedOnline = r.ReceivedOnline };
            s[CounterColumn.Received] = r.Received;
            s[CounterColumn.SolvedEarly] = r.SolvedEarly;
            s[CounterColumn.SolvedOnTime] = r.SolvedOnTime;
            s[CounterColumn.SolvedLate] = r.SolvedLate;
            s[CounterColumn.Withdrawn] = r.Withdrawn;
            s[CounterColumn.Stopped] = r.Stopped;
            s[CounterColumn.DueOpened] = r.DueOpened;
            s[CounterColumn.DueClosed] = r.DueClosed;
            s[CounterColumn.Rated1] = r.Rated1;
            s[CounterColumn.Rated2] = r.Rated2;
            s[CounterColumn.Rated3] = r.Rated3;
            s[CounterColumn.Rated4] = r.Rated4;
            s[CounterColumn.Rated5] = r.Rated5;
            return s;
        });
    }

    /// <summary>Report 06a for the Vietnam dates [from, to] per key; keys where nothing counts (col 3 = 0) are left out.</summary>
    public static async Task<Dictionary<TKey, Report06aFigures>> Report06aAsync<TKey>(IQueryable<StatisticsCounter> q, DateOnly from, DateOnly to,
        Expression<Func<StatisticsCounter, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var beforeFrom = await PrefixAsync(q, from, key, ct);
        var beforeTo = await PrefixAsync(q, to.AddDays(1), key, ct);
        var empty = new CounterSums();
        return beforeTo
            .Select(kv => (kv.Key, Figures: Report06aFromCounters.Compute(beforeFrom.GetValueOrDefault(kv.Key) ?? empty, kv.Value)))
            .Where(r => r.Figures.Received > 0)
            .ToDictionary(r => r.Key, r => r.Figures);
    }
}
