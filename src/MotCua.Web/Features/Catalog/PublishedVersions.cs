using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Catalog;

/// <summary>
/// Published procedure versions by id, read once per node: their content never changes
/// (<see cref="ProcedureVersion"/>; only EffectiveTo closes, and which version is in force comes from
/// the <see cref="CatalogIndex"/>, not from here). Bounded: past the limit the cache starts afresh.
/// </summary>
public sealed class PublishedVersions
{
    public const int MaxCached = 5_000;
    private readonly ConcurrentDictionary<long, ProcedureVersion> _byId = new();

    public async Task<ProcedureVersion?> GetAsync(AppDbContext db, long id, CancellationToken ct)
    {
        if (_byId.TryGetValue(id, out var cached))
            return cached;
        var version = await db.ProcedureVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.State == VersionState.Published, ct);
        if (version is null)
            return null;
        if (_byId.Count >= MaxCached)
            _byId.Clear();
        return _byId.GetOrAdd(id, version);
    }
}
