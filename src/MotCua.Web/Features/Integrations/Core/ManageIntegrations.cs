using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;

namespace MotCua.Web.Features.Integrations.Core;

/// <summary>
/// The administrator's actions on the "Liên thông" page, each one transaction with its audit row:
/// pause or resume a target (its messages wait, nothing is lost), and resend a message the
/// dispatcher gave up on (a fresh set of attempts, due now).
/// </summary>
public sealed class ManageIntegrationsHandler(AppDbContext db, CircuitBreakers breakers, TimeProvider time)
{
    public const int MaxTargetLength = 40;

    public async Task SetPausedAsync(string target, bool paused, long? userId, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.IntegrationTargets.SingleOrDefaultAsync(t => t.Name == target, ct);
        if (row is null)
            db.IntegrationTargets.Add(row = new IntegrationTarget { Name = target });
        row.Paused = paused;
        row.ChangedAt = now;
        row.ChangedBy = by;
        if (!paused)
            breakers.Reset(target);
        db.AuditEntries.Add(new AuditEntry { At = now, UserId = userId, Action = paused ? "integrations.pause" : "integrations.resume", EntityType = "IntegrationTarget", EntityId = target });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>False when there is no such message still waiting for delivery.</summary>
    public async Task<bool> ResendAsync(long messageId, long? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.ProcessedAt == null, ct);
        if (message is null)
            return false;
        message.Failed = false;
        message.Attempts = 0;
        message.AvailableAt = now;
        message.LockedUntil = null;
        message.Version++;
        breakers.Reset(message.Target);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = userId,
            Action = "integrations.resend",
            EntityType = "OutboxMessage",
            EntityId = messageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Details = message.Target,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
