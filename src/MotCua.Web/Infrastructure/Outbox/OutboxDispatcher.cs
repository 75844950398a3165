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

    /// <param name="target">The system it goes to; the type when not given.</param>
    /// <param name="orderingKey">Messages with the same key are delivered one after another in order (e.g. "dossier:42").</param>
    public static void Enqueue<T>(AppDbContext db, string type, T payload, DateTime now, string? target = null, string? orderingKey = null) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Type = type, Target = target ?? type, OrderingKey = orderingKey,
            PayloadJson = JsonSerializer.Serialize(payload), CreatedAt = now, AvailableAt = now,
        });

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

    /// <summary>One pass: returns how many messages were delivered (the integration layer's rules, Features/Integrations/Core).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Features.Integrations.Core.IntegrationDelivery>().RunOnceAsync(ct);
    }
}
