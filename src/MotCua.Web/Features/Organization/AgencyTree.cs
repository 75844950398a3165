using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organization;

/// <summary>An agency with all its children, at any depth (a report "for an agency" includes its units).</summary>
public static class AgencyTree
{
    public static async Task<HashSet<long>> SubtreeAsync(AppDbContext db, long root, CancellationToken ct)
    {
        var parents = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).Take(100_000).ToListAsync(ct);
        var result = new HashSet<long> { root };
        for (var added = true; added;)
        {
            added = false;
            foreach (var a in parents)
                if (a.ParentId is { } p && result.Contains(p) && result.Add(a.Id))
                    added = true;
        }
        return result;
    }
}
