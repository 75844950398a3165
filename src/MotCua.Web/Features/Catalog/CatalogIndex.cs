using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Catalog;

/// <summary>
/// The catalogue in force today, held in memory by each node: about 2,000 procedures, changed only
/// by a publish. A request reads the <see cref="CatalogStamp"/> row (one primary-key read) and gets
/// the snapshot built for that stamp and day; the first request after a publish, on any node, or
/// after midnight in Vietnam (versions take effect by date) rebuilds it (docs/capacity.md).
/// Orders are ordinal (the code point order both databases use for these columns).
/// </summary>
public sealed class CatalogIndex(TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile CatalogSnapshot? _current;

    public async Task<CatalogSnapshot> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        var stamp = await db.CatalogStamps.Where(s => s.Id == CatalogStamp.RowId).Select(s => s.Value).FirstOrDefaultAsync(ct);
        var today = VietnamTime.Today(time);
        if (_current is { } fresh && fresh.Stamp == stamp && fresh.Day == today)
            return fresh;
        await _rebuild.WaitAsync(ct);
        try
        {
            if (_current is { } built && built.Stamp == stamp && built.Day == today)
                return built;
            // Read after the stamp: a snapshot labelled with a stamp holds at least every change up to it.
            var snapshot = await BuildAsync(db, stamp, today, ct);
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public void Dispose() => _rebuild.Dispose();

    private static async Task<CatalogSnapshot> BuildAsync(AppDbContext db, long stamp, DateOnly today, CancellationToken ct)
    {
        var rows = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo > today))
            .Join(db.Procedures, v => v.ProcedureId, p => p.Id,
                (v, p) => new { VersionId = v.Id, v.ProcedureId, p.Code, v.Name, v.NameFolded, v.SectorCode, v.Levels, v.OnlineLevel })
            .ToListAsync(ct);
        var offerings = await db.ProcedureOfferings.AsNoTracking()
            .Join(db.Agencies, o => o.AgencyId, a => a.Id, (o, a) => new { a.Code, o.AgencyId, o.ProcedureId, o.OnlineLevel })
            .ToListAsync(ct);
        var allAgencies = await db.Agencies.AsNoTracking()
            .Select(a => new AgencyInfo(a.Id, a.Code, a.Kind, a.AdminUnitCode, a.ValidFrom, a.ValidTo, a.Name, a.Qcvn102Code))
            .ToListAsync(ct);
        var sectors = await db.Sectors.AsNoTracking().ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.Kind == AgencyKind.Department || a.Kind == AgencyKind.DepartmentUnit || a.Kind == AgencyKind.ProvincialServiceCentre || a.Kind == AgencyKind.VerticalAgency)
            .Select(a => new { a.Code, a.Name })
            .ToListAsync(ct);
        return new CatalogSnapshot(
            stamp,
            today,
            rows.Select(r => new CatalogEntry(r.VersionId, r.ProcedureId, r.Code, r.Name, r.NameFolded, r.SectorCode, r.Levels,
                    r.Levels.Split(',', StringSplitOptions.RemoveEmptyEntries), r.OnlineLevel))
                .OrderBy(r => r.NameFolded, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)
                .ToArray(),
            offerings.GroupBy(o => o.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<long, OnlineLevel>)g.ToDictionary(o => o.ProcedureId, o => o.OnlineLevel), StringComparer.Ordinal),
            offerings.GroupBy(o => o.ProcedureId).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(o => o.AgencyId).Order().ToArray()),
            allAgencies.OrderBy(a => a.Id).ToArray(),
            sectors.OrderBy(s => s.Code, StringComparer.Ordinal).ToArray(),
            agencies.OrderBy(a => a.Name, StringComparer.Ordinal).Take(500).Select(a => (a.Code, a.Name)).ToArray());
    }
}

/// <summary>A procedure in force: what search, filters and lists need, without the definition.</summary>
public sealed record CatalogEntry(long VersionId, long ProcedureId, string Code, string Name, string NameFolded, string SectorCode,
    string Levels, IReadOnlyList<string> LevelList, OnlineLevel OnlineLevel);

/// <summary>What intake needs of an agency: where it is, what kind, and when it exists.</summary>
public sealed record AgencyInfo(long Id, string Code, AgencyKind Kind, string? AdminUnitCode, DateOnly ValidFrom, DateOnly? ValidTo,
    string Name = "", string Qcvn102Code = "")
{
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);
}

/// <summary>
/// The catalogue in force on <paramref name="Day"/> as of <paramref name="Stamp"/>. Entries are in list
/// order (folded name, then code); offerings are by agency code, then procedure id, and the offering
/// agencies' ids by procedure; agencies are all of them, by id; the portal's agency filter lists the
/// province-level agencies by name.
/// </summary>
public sealed record CatalogSnapshot(
    long Stamp,
    DateOnly Day,
    IReadOnlyList<CatalogEntry> Entries,
    IReadOnlyDictionary<string, IReadOnlyDictionary<long, OnlineLevel>> OfferingsByAgency,
    IReadOnlyDictionary<long, IReadOnlyList<long>> OfferingAgencyIds,
    IReadOnlyList<AgencyInfo> Agencies,
    IReadOnlyList<Sector> Sectors,
    IReadOnlyList<(string Code, string Name)> ProvinceAgencies)
{
    public IReadOnlyDictionary<string, string> SectorNames { get; } = Sectors.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
    public IReadOnlyDictionary<string, CatalogEntry> ByCode { get; } = Entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
    public IReadOnlyDictionary<long, AgencyInfo> AgencyById { get; } = Agencies.ToDictionary(a => a.Id);
    public CatalogSearchIndex SearchIndex { get; } = new(Entries);
}
