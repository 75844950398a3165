using System.Globalization;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// An officer's read of personal data (a dossier, its files, forms, result, the register, a list)
/// is written to the audit log with the object and never the data itself (Decree 356/2025 processing
/// log; TCVN 14423 5.8.2.1 a). Applicants reading their own dossiers are not logged.
/// </summary>
public static class DossierReadAudit
{
    public static Task RecordAsync(AppDbContext db, DossierActor actor, DateTime now, string action, string entityType, long entityId,
        string? details, CancellationToken ct) =>
        RecordAsync(db, actor, now, action, entityType, entityId.ToString(CultureInfo.InvariantCulture), details, ct);

    public static async Task RecordAsync(AppDbContext db, DossierActor actor, DateTime now, string action, string entityType, string entityId,
        string? details, CancellationToken ct)
    {
        if (!actor.IsOfficer)
            return;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = actor.UserId,
            AgencyId = actor.AgencyId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
        });
        await db.SaveChangesAsync(ct);
    }
}
