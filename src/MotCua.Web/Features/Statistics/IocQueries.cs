using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// The two IOC figures that are not Report 06a figures, each one selective query (grouped and
/// limited in SQL), kept apart so they can move to aggregate counters without touching the
/// dashboard. <c>scope</c> is the set of competent agencies (an agency and its children), or null
/// for the whole province.
/// </summary>
public sealed class IocQueries(AppDbContext db)
{
    /// <summary>The procedures with the most dossiers received in [from, to] (Vietnam dates), most first.</summary>
    public async Task<IReadOnlyList<IocProcedureCount>> BusiestProceduresAsync(IReadOnlyCollection<long>? scope, DateOnly from, DateOnly to, int top, CancellationToken ct)
    {
        var (start, end) = (Utc(from), Utc(to.AddDays(1)));
        var dossiers = db.Dossiers.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end);
        if (scope is not null)
            dossiers = dossiers.Where(d => scope.Contains(d.CompetentAgencyId));
        // Grouped by code only: a procedure keeps its code across versions even when its name is reworded.
        var rows = await dossiers.GroupBy(d => d.ProcedureCode)
            .Select(g => new { Code = g.Key, Received = g.Count(), Name = g.Max(d => d.ProcedureName) })
            .OrderByDescending(x => x.Received).ThenBy(x => x.Code)
            .Take(top).ToListAsync(ct);
        return rows.Select(r => new IocProcedureCount(r.Code, r.Name ?? r.Code, r.Received)).ToArray();
    }

    /// <summary>
    /// Citizens' ratings (1–5, Decree 61/2018 art. 27–32) given in [from, to] (Vietnam dates, by
    /// RatedAt): counts per level, the average and the share of 4 and 5 ("hài lòng").
    /// </summary>
    public async Task<IocSatisfaction> SatisfactionAsync(IReadOnlyCollection<long>? scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (Utc(from), Utc(to.AddDays(1)));
        var dossiers = db.Dossiers.AsNoTracking().Where(d => d.Rating != null && d.RatedAt >= start && d.RatedAt < end);
        if (scope is not null)
            dossiers = dossiers.Where(d => scope.Contains(d.CompetentAgencyId));
        var counts = await dossiers.GroupBy(d => d.Rating!.Value).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byLevel = new int[5];
        foreach (var c in counts.Where(c => c.Level is >= 1 and <= 5))
            byLevel[c.Level - 1] = c.Count;
        var ratings = byLevel.Sum();
        double? average = ratings == 0 ? null : Math.Round(byLevel.Select((n, i) => (double)n * (i + 1)).Sum() / ratings, 2);
        return new IocSatisfaction(ratings, average, IocHandler.Percent(byLevel[3] + byLevel[4], ratings), byLevel);
    }

    /// <summary>An agency and all its descendants (the agency tree is small: ~500 rows in a province).</summary>
    public async Task<IReadOnlyCollection<long>> AgencySubtreeAsync(long root, CancellationToken ct)
    {
        var parents = await db.Agencies.AsNoTracking().Where(a => a.ParentId != null).OrderBy(a => a.Id).Select(a => new { a.Id, ParentId = a.ParentId!.Value })
            .Take(100_000).ToListAsync(ct);
        var children = parents.ToLookup(a => a.ParentId, a => a.Id);
        var result = new HashSet<long> { root };
        var pending = new Stack<long>([root]);
        while (pending.Count > 0)
            foreach (var child in children[pending.Pop()])
                if (result.Add(child))
                    pending.Push(child);
        return result;
    }

    private static DateTime Utc(DateOnly vietnamDate) => VietnamTime.ToOffset(vietnamDate.ToDateTime(TimeOnly.MinValue)).UtcDateTime;
}
