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
    /// <summary>Pause once the queue is empty (or only retries not yet due remain); full batches follow each other without one.</summary>
    public int PollSeconds { get; set; } = 2;
    public int BatchSize { get; set; } = 200;
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Lanes claiming and delivering at once on this node; lanes and nodes never share a message (leases).</summary>
    public int Workers { get; set; } = 1;
    /// <summary>How often the lag (queued count, age of the oldest due message) is logged and refreshed for the metrics.</summary>
    public int LagReportSeconds { get; set; } = 60;
}

/// <summary>The outbox's backlog: messages waiting (not delivered, not failed), how long the oldest due one has waited, and failed ones.</summary>
public sealed record OutboxLag(int Queued, TimeSpan OldestDueAge, int Failed);

/// <summary>
/// Claims due messages with a lease (one UPDATE … RETURNING that sets LockedUntil; on PostgreSQL the
/// candidate rows are taken FOR UPDATE SKIP LOCKED, so lanes and nodes claim disjoint batches without
/// waiting on each other, and a node that dies leaves its batch to the others when the lease ends),
/// delivers them, and drains batch after batch while they come back full. On failure a message is
/// retried with exponential backoff (1, 2, 4 … minutes, at most 1 hour) until MaxAttempts, after which
/// it is marked failed for an operator to look at. Its lag is logged, exported as metrics
/// (meter "MotCua.Outbox") and returned by <see cref="GetLagAsync"/> (docs/architecture.md#outbox).
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider time, OutboxOptions options, ILogger<OutboxDispatcher> log)
    : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly System.Diagnostics.Metrics.Meter Meter = new("MotCua.Outbox");
    private static OutboxLag _lastLag = new(0, TimeSpan.Zero, 0);
    private static readonly System.Diagnostics.Metrics.Counter<long> DeliveredCounter = CreateInstruments(Meter);

    private long _lastLagReport = long.MinValue;

    private static System.Diagnostics.Metrics.Counter<long> CreateInstruments(System.Diagnostics.Metrics.Meter meter)
    {
        // The gauges show the lag last measured (GetLagAsync), never query the database themselves.
        meter.CreateObservableGauge("motcua.outbox.queued", () => _lastLag.Queued);
        meter.CreateObservableGauge("motcua.outbox.oldest_due_age", () => _lastLag.OldestDueAge.TotalSeconds, unit: "s");
        meter.CreateObservableGauge("motcua.outbox.failed", () => _lastLag.Failed);
        return meter.CreateCounter<long>("motcua.outbox.delivered");
    }

    /// <param name="target">The system it goes to; the type when not given.</param>
    /// <param name="orderingKey">Messages with the same key are delivered one after another in order (e.g. "dossier:42").</param>
    public static void Enqueue<T>(AppDbContext db, string type, T payload, DateTime now, string? target = null, string? orderingKey = null) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Type = type,
            Target = target ?? type,
            OrderingKey = orderingKey,
            PayloadJson = JsonSerializer.Serialize(payload),
            CreatedAt = now,
            AvailableAt = now,
        });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
            return;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => RunLaneAsync(stoppingToken)));
    }

    private async Task RunLaneAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await ReportLagIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Outbox dispatch failed; will retry");
            }
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Delivers batch after batch, without pausing, while batches come back full; returns how many messages were delivered.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var delivered = 0;
        while (!ct.IsCancellationRequested)
        {
            var (claimed, done) = await DispatchBatchAsync(ct);
            delivered += done;
            if (claimed < options.BatchSize)
                break;
        }
        return delivered;
    }

    /// <summary>One batch: returns how many messages were delivered.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct) => (await DispatchBatchAsync(ct)).Delivered;

    /// <summary>The backlog now, for the metrics, the log and the integration page.</summary>
    public async Task<OutboxLag> GetLagAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null);
        var queued = await waiting.CountAsync(m => !m.Failed, ct);
        var oldest = await waiting.Where(m => !m.Failed && m.AvailableAt <= now).MinAsync(m => (DateTime?)m.AvailableAt, ct);
        var failed = await waiting.CountAsync(m => m.Failed, ct);
        return _lastLag = new OutboxLag(queued, oldest is { } at ? now - at : TimeSpan.Zero, failed);
    }

    private async Task ReportLagIfDueAsync(CancellationToken ct)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLagReport);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(options.LagReportSeconds))
            return;
        if (Interlocked.CompareExchange(ref _lastLagReport, now, last) != last)
            return; // another lane reports
        var lag = await GetLagAsync(ct);
        var level = lag.OldestDueAge > TimeSpan.FromMinutes(5) || lag.Failed > 0 ? LogLevel.Warning : LogLevel.Information;
        log.Log(level, "Outbox lag: {Queued} queued, oldest due waiting {OldestDueSeconds:0} s, {Failed} failed", lag.Queued, lag.OldestDueAge.TotalSeconds, lag.Failed);
    }

    // The claim and the delivery rules (targets, order per dossier, circuit breaker, message log) are the
    // integration layer's (Features/Integrations/Core/IntegrationDelivery.cs).
    private async Task<(int Claimed, int Delivered)> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (claimed, delivered) = await scope.ServiceProvider.GetRequiredService<Features.Integrations.Core.IntegrationDelivery>().RunBatchAsync(ct);
        DeliveredCounter.Add(delivered);
        return (claimed, delivered);
    }
}
