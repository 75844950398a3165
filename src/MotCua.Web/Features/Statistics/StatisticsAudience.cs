using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// Whose dossiers and officers a statistics reader may see by name. Lists that name dossiers (the
/// Report 06a drill-down: codes, procedures, dates) or officers (the per-officer Circular 01
/// evaluation: accounts, names, scores) are personal or internal data of an agency (Decree 13/2023
/// on personal data protection: processing limited to its purpose), so they reach the reader's own
/// agency and its units only, unless the reader holds <see cref="Permissions.StatisticsProvince"/>.
/// Aggregate figures (Reports 06a and 06b, the IOC, the Decision 766 index, agencies' Circular 01
/// scores) name no person and no dossier; agencies publish them to each other and to the public
/// (Decision 766/QĐ-TTg), so every holder of <see cref="Permissions.StatisticsView"/> reads them for
/// any agency or the whole province.
/// </summary>
public sealed class StatisticsAudience
{
    /// <summary>The agencies the reader may see by name, by id and by code; null for the whole province.</summary>
    private readonly HashSet<long>? _agencies;
    private readonly HashSet<string>? _codes;

    private StatisticsAudience(HashSet<long>? agencies, HashSet<string>? codes) => (_agencies, _codes) = (agencies, codes);

    public static StatisticsAudience Province { get; } = new(null, null);

    private static StatisticsAudience Nobody => new([], []);

    public bool IsProvinceWide => _agencies is null;

    public bool Covers(long agencyId) => _agencies?.Contains(agencyId) ?? true;

    /// <summary>An agency filter: none (the whole province) is covered only province-wide.</summary>
    public bool Covers(long? agencyId) => agencyId is { } id ? Covers(id) : IsProvinceWide;

    /// <summary>
    /// Whether a drill-down list filtered to <paramref name="agencyCode"/> (with its units) and/or
    /// <paramref name="competentAgencyCode"/> (alone) is open to the reader: one of them must be in
    /// the audience — the audience holds every unit of its agencies, so a subtree is in it when its root is.
    /// </summary>
    public bool MayList(string? agencyCode, string? competentAgencyCode) =>
        IsProvinceWide || new[] { agencyCode, competentAgencyCode }.Any(c => c is not null && _codes!.Contains(c.Trim()));

    /// <summary>An officer's agency with its units, the province with the province-wide permission, nothing otherwise.</summary>
    public static async Task<StatisticsAudience> OfAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = DossierActor.From(user);
        if (actor is null || !actor.IsOfficer)
            return Nobody;
        if (actor.Can(Permissions.StatisticsProvince))
            return Province;
        if (actor.AgencyId is not { } agency)
            return Nobody;
        var ids = await AgencyTree.SubtreeAsync(db, agency, ct);
        var codes = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Code).ToListAsync(ct);
        return new StatisticsAudience(ids, codes.ToHashSet(StringComparer.Ordinal));
    }

    public const string OutsideScope = "Chỉ xem được danh sách hồ sơ, cán bộ của cơ quan mình và các đơn vị trực thuộc; danh sách toàn tỉnh cần quyền thống kê toàn tỉnh.";
}
