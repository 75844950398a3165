using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organization;

/// <summary>
/// Resolves the agency names used by the catalogue: an agency code (e.g. STP), or a commune-level
/// key meaning "the agency of that kind in every commune" — commune procedures are received by
/// every commune centre regardless of the applicant's address (Decree 118/2025; docs/domain/organisation.md#reception-anywhere).
/// </summary>
public sealed class AgencyKeyResolver(AppDbContext db)
{
    public static readonly IReadOnlyDictionary<string, AgencyKind> CommuneKeys = new Dictionary<string, AgencyKind>(StringComparer.Ordinal)
    {
        ["COMMUNE_PC"] = AgencyKind.CommunePeopleCommittee,
        ["COMMUNE_CENTRE"] = AgencyKind.CommuneServiceCentre,
        ["COMMUNE_POLICE"] = AgencyKind.CommunePolice,
    };

    public async Task<IReadOnlyList<long>> ResolveAsync(string key, DateOnly on, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking().Where(a => a.ValidFrom <= on && (a.ValidTo == null || a.ValidTo > on));
        query = CommuneKeys.TryGetValue(key, out var kind)
            ? query.Where(a => a.Kind == kind)
            : query.Where(a => a.Code == key);
        return await query.OrderBy(a => a.Id).Select(a => a.Id).Take(5000).ToListAsync(ct);
    }
}
