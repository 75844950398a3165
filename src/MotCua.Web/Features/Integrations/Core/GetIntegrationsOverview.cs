using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Integrations.Core;

public sealed record TargetOverview(string Target, int Queued, DateTime? OldestWaitingSince, int Failed, string? LastError, bool Paused, bool BreakerOpen);

public sealed record FailedMessage(long Id, string Target, string Type, string? OrderingKey, DateTime CreatedAt, int Attempts, string? LastError);

public sealed record IntegrationsOverview(IReadOnlyList<TargetOverview> Targets, IReadOnlyList<FailedMessage> Failures);

/// <summary>
/// What the "Liên thông" page shows per target (docs/integrations/integration-layer.md#page): messages
/// waiting and since when, messages given up with their last error, whether the target is paused or
/// its breaker open; and the newest given-up messages, to resend.
/// </summary>
public sealed class GetIntegrationsOverviewHandler(AppDbContext db, CircuitBreakers breakers, TimeProvider time)
{
    /// <summary>Targets shown even before they have any message.</summary>
    public static readonly IReadOnlyList<string> KnownTargets = [Dvcqg.DvcqgOptions.Target, Notifications.NotificationOutboxHandler.EmailTarget, Notifications.NotificationOutboxHandler.SmsTarget];

    public const int FailuresShown = 100;

    public async Task<IntegrationsOverview> HandleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null)
            .GroupBy(m => new { m.Target, m.Failed })
            .Select(g => new { g.Key.Target, g.Key.Failed, Count = g.Count(), Oldest = g.Min(m => m.CreatedAt) })
            .ToListAsync(ct);
        var paused = await db.IntegrationTargets.AsNoTracking().Where(t => t.Paused).Select(t => t.Name).ToListAsync(ct);
        var targets = KnownTargets.Concat(open.Select(o => o.Target)).Concat(paused).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<TargetOverview>();
        foreach (var target in targets)
        {
            var waiting = open.SingleOrDefault(o => o.Target == target && !o.Failed);
            var failed = open.SingleOrDefault(o => o.Target == target && o.Failed);
            var lastError = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Target == target && m.ProcessedAt == null && m.LastError != null)
                .OrderByDescending(m => m.Id).Select(m => m.LastError).FirstOrDefaultAsync(ct);
            rows.Add(new TargetOverview(target, waiting?.Count ?? 0, waiting?.Oldest, failed?.Count ?? 0, lastError,
                paused.Contains(target), breakers.IsOpen(target, now)));
        }
        var failures = await db.OutboxMessages.AsNoTracking().Where(m => m.Failed && m.ProcessedAt == null)
            .OrderByDescending(m => m.Id).Take(FailuresShown)
            .Select(m => new FailedMessage(m.Id, m.Target, m.Type, m.OrderingKey, m.CreatedAt, m.Attempts, m.LastError))
            .ToListAsync(ct);
        return new IntegrationsOverview(rows, failures);
    }
}
