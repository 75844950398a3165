using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Infrastructure.Outbox;

/// <summary>Delivers one kind of outbox message; must be idempotent (a message may be delivered twice after a crash).</summary>
public interface IOutboxHandler
{
    string Type { get; }
    Task HandleAsync(string payloadJson, CancellationToken ct);
}

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    public bool Enabled { get; set; } = true;
    public int PollSeconds { get; set; } = 2;
    public int BatchSize { get; set; } = 50;
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>
/// Claims due messages with a short lease (optimistic concurrency, so two nodes never deliver the
/// same message at once), delivers them, and on failure schedules a retry with exponential backoff
/// (1, 2, 4 … minutes, at most 1 hour) until MaxAttempts, after which the message is marked failed
/// for an operator to look at.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider time, OutboxOptions options, ILogger<OutboxDispatcher> log)
    : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static void Enqueue<T>(AppDbContext db, string type, T payload, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage { Type = type, PayloadJson = JsonSerializer.Serialize(payload), CreatedAt = now, AvailableAt = now });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Outbox dispatch failed; will retry");
            }
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass: returns how many messages were delivered.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var handlers = scope.ServiceProvider.GetServices<IOutboxHandler>().ToDictionary(h => h.Type);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && !m.Failed && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Take(options.BatchSize).ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        foreach (var m in due)
        {
            m.LockedUntil = now + Lease;
            m.Version++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // another node claimed them first
        }

        var delivered = 0;
        foreach (var message in due)
        {
            try
            {
                if (!handlers.TryGetValue(message.Type, out var handler))
                    throw new InvalidOperationException($"No handler for outbox type {message.Type}.");
                await handler.HandleAsync(message.PayloadJson, ct);
                message.ProcessedAt = time.GetUtcNow().UtcDateTime;
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.GetType().Name + ": " + ex.Message[..Math.Min(ex.Message.Length, 500)];
                message.Failed = message.Attempts >= options.MaxAttempts;
                message.AvailableAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, message.Attempts - 1)));
                log.LogWarning("Outbox message {Id} ({Type}) failed, attempt {Attempt}", message.Id, message.Type, message.Attempts);
            }
            message.LockedUntil = null;
            message.Version++;
        }
        await db.SaveChangesAsync(ct);
        return delivered;
    }
}
