using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Integrations.Core;

/// <summary>
/// One pass of the integration layer over the outbox (docs/integrations/integration-layer.md#delivery):
/// claims due messages with a lease (one UPDATE … RETURNING; two lanes or nodes never claim the same message),
/// skipping paused targets, targets whose circuit breaker is open, and any message whose ordering key
/// has an earlier message not yet delivered (so one dossier's messages go out in the order written);
/// delivers each within a timeout; on failure schedules a retry with exponential backoff (1, 2, 4 …
/// minutes, at most 1 hour) until MaxAttempts, after which the message is failed for an administrator
/// to resend from the "Liên thông" page.
/// </summary>
public sealed class IntegrationDelivery(
    AppDbContext db,
    IEnumerable<IOutboxHandler> handlers,
    IEnumerable<IOutboxFailureObserver> observers,
    CircuitBreakers breakers,
    TimeProvider time,
    OutboxOptions options,
    IntegrationOptions integration,
    ILogger<IntegrationDelivery> log)
{
    /// <summary>Delivers what is due now; returns how many messages were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct) => (await RunBatchAsync(ct)).Delivered;

    /// <summary>One batch: how many messages were claimed and how many of them were delivered.</summary>
    public async Task<(int Claimed, int Delivered)> RunBatchAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var paused = await db.IntegrationTargets.Where(t => t.Paused).Select(t => t.Name).ToListAsync(ct);
        var blocked = paused.Concat(breakers.OpenTargets(now)).Distinct().ToList();
        var (sql, parameters) = ClaimStatement(db.Database.IsNpgsql(), now, blocked);
        var due = (await db.OutboxMessages.FromSqlRaw(sql, parameters).ToListAsync(ct)).OrderBy(m => m.Id).ToList();
        if (due.Count == 0)
            return (0, 0);

        var byType = handlers.ToDictionary(h => h.Type);
        var delivered = 0;
        foreach (var message in due)
        {
            if (!breakers.TryEnter(message.Target, time.GetUtcNow().UtcDateTime))
            {
                message.LockedUntil = null; // not tried: no attempt is used up while the target is known to be down
                message.Version++;
                continue;
            }
            if (await DeliverAsync(message, byType, ct))
                delivered++;
            message.LockedUntil = null;
            message.Version++;
        }
        await db.SaveChangesAsync(ct);
        return (due.Count, delivered);
    }

    /// <summary>
    /// The claim as one UPDATE … RETURNING that sets the lease: the oldest due messages of targets not
    /// paused and not cut off by their breaker, each with no earlier undelivered message of the same
    /// ordering key. On PostgreSQL the candidates are taken FOR UPDATE SKIP LOCKED, so lanes and nodes
    /// claim disjoint batches without waiting on each other; SQLite has one writer, so the UPDATE is the claim.
    /// </summary>
    private (string Sql, object[] Parameters) ClaimStatement(bool postgres, DateTime now, List<string> blocked)
    {
        var parameters = new List<object> { now + OutboxDispatcher.Lease, now, options.BatchSize };
        var notBlocked = "";
        if (blocked.Count > 0)
        {
            notBlocked = " AND m.\"Target\" NOT IN (" + string.Join(", ", blocked.Select((_, i) => "{" + (i + 3) + "}")) + ")";
            parameters.AddRange(blocked);
        }
        var sql = $$"""
            UPDATE "OutboxMessages" SET "LockedUntil" = {0}, "Version" = "Version" + 1
            WHERE "Id" IN (SELECT m."Id" FROM "OutboxMessages" m
                WHERE m."ProcessedAt" IS NULL AND NOT m."Failed" AND m."AvailableAt" <= {1} AND (m."LockedUntil" IS NULL OR m."LockedUntil" < {1}){{notBlocked}}
                  AND (m."OrderingKey" IS NULL OR NOT EXISTS (SELECT 1 FROM "OutboxMessages" e
                       WHERE e."OrderingKey" = m."OrderingKey" AND e."Id" < m."Id" AND e."ProcessedAt" IS NULL))
                ORDER BY m."AvailableAt", m."Id" LIMIT {2}{{(postgres ? " FOR UPDATE SKIP LOCKED" : "")}})
            RETURNING *
            """;
        return (sql, parameters.ToArray());
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, Dictionary<string, IOutboxHandler> byType, CancellationToken ct)
    {
        DeliveryContext.Current = new DeliveryInfo(message.Id, message.Target);
        try
        {
            if (!byType.TryGetValue(message.Type, out var handler))
                throw new InvalidOperationException($"No handler for outbox type {message.Type}.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(integration.DeliveryTimeoutSeconds));
            await handler.HandleAsync(message.PayloadJson, timeout.Token);
            message.ProcessedAt = time.GetUtcNow().UtcDateTime;
            message.LastError = null;
            breakers.Success(message.Target);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            message.Attempts++;
            message.LastError = Describe(ex);
            message.Failed = message.Attempts >= options.MaxAttempts;
            message.AvailableAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, message.Attempts - 1)));
            breakers.Failure(message.Target, now);
            foreach (var observer in observers.Where(o => o.Type == message.Type))
                await observer.OnFailureAsync(message, message.Failed, ct);
            log.LogWarning("Outbox message {Id} ({Type} to {Target}) failed, attempt {Attempt}", message.Id, message.Type, message.Target, message.Attempts);
            return false;
        }
        finally
        {
            DeliveryContext.Current = null;
        }
    }

    /// <summary>The error as an administrator reads it on the page: kind and message, a timeout named as such.</summary>
    public static string Describe(Exception ex)
    {
        var text = ex is OperationCanceledException or TimeoutException
            ? "Timeout: quá thời gian chờ phản hồi."
            : ex.GetType().Name + ": " + ex.Message;
        return text[..Math.Min(text.Length, 900)];
    }
}
