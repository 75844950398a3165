using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organization;

/// <summary>An agency with all its children, at any depth (a report "for an agency" includes its units).</summary>
public static class AgencyTree
{
    /// <summary>
    /// The agency a report filter names by its code (trimmed): (true, null) when none is named,
    /// (false, null) when no agency has that code — the caller answers 404 or shows a message.
    /// </summary>
    public static async Task<(bool Found, long? Id)> FindByCodeAsync(AppDbContext db, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            return (true, null);
        var trimmed = code.Trim();
        var id = await db.Agencies.AsNoTracking().Where(a => a.Code == trimmed).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        return (id is not null, id);
    }

    public static async Task<HashSet<long>> SubtreeAsync(AppDbContext db, long root, CancellationToken ct)
    {
        var parents = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.ParentId }).Take(100_000).ToListAsync(ct);
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
