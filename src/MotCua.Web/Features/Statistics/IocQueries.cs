using Microsoft.EntityFrameworkCore;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics.Counters;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// The two IOC figures that are not Report 06a figures, read from the statistics counters like the
/// report figures (prefix sums, docs/adr/0003). <c>scope</c> is the set of competent agencies (an agency and its children), or null
/// for the whole province.
/// </summary>
public sealed class IocQueries(AppDbContext db)
{
    /// <summary>
    /// The procedures with the most dossiers received from 1 January of <paramref name="year"/> to now,
    /// most first — from the by-procedure year counters (one row per agency, procedure and channel).
    /// </summary>
    public async Task<IReadOnlyList<IocProcedureCount>> BusiestProceduresAsync(IReadOnlyCollection<long>? scope, int year, int top, CancellationToken ct)
    {
        // Grouped by code only: a procedure keeps its code across versions even when its name is reworded.
        var sums = await CounterQueries.YearToDateAsync(CounterQueries.Scope(db, scope, null, null, null, byProcedure: true), year, c => c.ProcedureCode, ct);
        var rows = sums.Select(kv => (Code: kv.Key, Received: (int)kv.Value[CounterColumn.Received])).Where(r => r.Received > 0)
            .OrderByDescending(r => r.Received).ThenBy(r => r.Code, StringComparer.Ordinal).Take(top).ToList();
        var codes = rows.Select(r => r.Code).ToList();
        var names = await db.Procedures.AsNoTracking().Where(p => codes.Contains(p.Code))
            .Select(p => new { p.Code, Name = p.Versions.OrderByDescending(v => v.Number).Select(v => v.Name).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        return rows.Select(r => new IocProcedureCount(r.Code, names.GetValueOrDefault(r.Code) ?? r.Code, r.Received)).ToArray();
    }

    /// <summary>
    /// Citizens' ratings (1–5, Decree 61/2018 art. 27–32) given from 1 January of <paramref name="year"/>
    /// to now (Vietnam dates, by rating day): counts per level, the average and the share of 4 and 5
    /// ("hài lòng") — from the by-agency year counters.
    /// </summary>
    public async Task<IocSatisfaction> SatisfactionAsync(IReadOnlyCollection<long>? scope, int year, CancellationToken ct)
    {
        var sums = await CounterQueries.YearToDateAsync(CounterQueries.Scope(db, scope, null, null, null), year, c => c.Channel, ct);
        var byLevel = new int[5];
        foreach (var s in sums.Values)
            for (var level = 0; level < 5; level++)
                byLevel[level] += (int)s[CounterColumn.Rated1 + level];
        var ratings = byLevel.Sum();
        double? average = ratings == 0 ? null : Math.Round(byLevel.Select((n, i) => (double)n * (i + 1)).Sum() / ratings, 2);
        return new IocSatisfaction(ratings, average, IocHandler.Percent(byLevel[3] + byLevel[4], ratings), byLevel);
    }
}
