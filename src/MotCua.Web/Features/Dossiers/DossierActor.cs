using System.Security.Claims;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Who acts on a dossier: an officer of one agency with named permissions, or an applicant.</summary>
public sealed record DossierActor(long UserId, string Name, bool IsOfficer, long? AgencyId, IReadOnlySet<string> Permissions)
{
    public static DossierActor? From(ClaimsPrincipal user)
    {
        if (user.UserId() is not { } id)
            return null;
        var agency = long.TryParse(user.FindFirstValue("agency"), out var a) ? a : (long?)null;
        return new DossierActor(id, user.Identity?.Name ?? "", user.FindFirstValue("kind") == nameof(AccountKind.Officer), agency,
            user.FindAll(Accounts.Permissions.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    public bool Can(string permission) => IsOfficer && Permissions.Contains(permission);
}

/// <summary>
/// Scope (docs/architecture.md#scope, docs/domain/dossier-handling.md#scope): an applicant reaches only their own dossiers; an officer only
/// the dossiers their agency receives, decides, currently holds or is consulted on. Everything else answers 404,
/// so an ID of someone else's dossier reveals nothing.
/// </summary>
public static class DossierScope
{
    public static IQueryable<Dossier> VisibleTo(this IQueryable<Dossier> dossiers, DossierActor actor, IQueryable<Consultation> consultations)
    {
        if (!actor.IsOfficer)
            return dossiers.Where(d => d.OwnerAccountId == actor.UserId);
        if (actor.AgencyId is not { } agency || !actor.Permissions.Any(p => p.StartsWith("dossier.", StringComparison.Ordinal)))
            return dossiers.Where(_ => false);
        // Drafts are the applicant's own business until submitted.
        // A consulted agency sees the dossier it was asked about (Decree 61/2018 art. 19.5).
        return dossiers.Where(d => !d.IsDraft && (d.ReceivingAgencyId == agency || d.CompetentAgencyId == agency || d.CurrentAgencyId == agency
                                                  || consultations.Any(c => c.DossierId == d.Id && c.AgencyId == agency)));
    }
}
