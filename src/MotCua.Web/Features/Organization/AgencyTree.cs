using Microsoft.EntityFrameworkCore;
using MotCua.Core.Text;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organization;

/// <summary>An agency with all its children, at any depth (a report "for an agency" includes its units).</summary>
public static class AgencyTree
{
    /// <summary>
    /// The agency a report filter names, by its code or by its name (trimmed): (true, null) when none
    /// is named, (false, null) when nothing matches or a name is ambiguous — the caller answers 404 or
    /// shows a message. Officers and leaders know agencies by name ("Sở Tài chính"), not by code: a
    /// name or short name matches without regard to case and diacritics, first in full, then as the
    /// one name that contains it; only agencies in force are matched by name.
    /// </summary>
    public static async Task<(bool Found, long? Id)> FindAsync(AppDbContext db, string? codeOrName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(codeOrName))
            return (true, null);
        var trimmed = codeOrName.Trim();
        var id = await db.Agencies.AsNoTracking().Where(a => a.Code == trimmed).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        if (id is not null)
            return (true, id);
        var folded = VietnameseText.Fold(trimmed);
        if (folded.Length == 0)
            return (false, null);
        var names = await ActiveNamesAsync(db, ct);
        var exact = names.Where(a => VietnameseText.Fold(a.Name) == folded || VietnameseText.Fold(a.ShortName) == folded).ToList();
        if (exact.Count == 1)
            return (true, exact[0].Id);
        var partial = names.Where(a => VietnameseText.Fold(a.Name).Contains(folded, StringComparison.Ordinal)).ToList();
        return exact.Count == 0 && partial.Count == 1 ? (true, partial[0].Id) : (false, null);
    }

    /// <summary>The agencies in force by name (and short name: "Sở Tài chính"), for pickers and name look-ups (a province has about 500).</summary>
    public static async Task<IReadOnlyList<(long Id, string Code, string Name, string? ShortName)>> ActiveNamesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).OrderBy(a => a.Name).Take(5000)
            .Select(a => new { a.Id, a.Code, a.Name, a.ShortName }).ToListAsync(ct)).Select(a => (a.Id, a.Code, a.Name, a.ShortName)).ToList();

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
