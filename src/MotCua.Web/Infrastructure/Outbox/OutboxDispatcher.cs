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

    // Both claim the oldest due messages in the order of the (ProcessedAt, AvailableAt) index; {0} lease end, {1} now, {2} batch size.
    private const string ClaimPostgres = """
        UPDATE "OutboxMessages" SET "LockedUntil" = {0}, "Version" = "Version" + 1
        WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages"
            WHERE "ProcessedAt" IS NULL AND NOT "Failed" AND "AvailableAt" <= {1} AND ("LockedUntil" IS NULL OR "LockedUntil" < {1})
            ORDER BY "AvailableAt", "Id" LIMIT {2} FOR UPDATE SKIP LOCKED)
        RETURNING *
        """;

    // SQLite has one writer at a time, so the UPDATE itself is the claim.
    private const string ClaimSqlite = """
        UPDATE "OutboxMessages" SET "LockedUntil" = {0}, "Version" = "Version" + 1
        WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages"
            WHERE "ProcessedAt" IS NULL AND NOT "Failed" AND "AvailableAt" <= {1} AND ("LockedUntil" IS NULL OR "LockedUntil" < {1})
            ORDER BY "AvailableAt", "Id" LIMIT {2})
        RETURNING *
        """;

    private long _lastLagReport = long.MinValue;

    private static System.Diagnostics.Metrics.Counter<long> CreateInstruments(System.Diagnostics.Metrics.Meter meter)
    {
        // The gauges show the lag last measured (GetLagAsync), never query the database themselves.
        meter.CreateObservableGauge("motcua.outbox.queued", () => _lastLag.Queued);
        meter.CreateObservableGauge("motcua.outbox.oldest_due_age", () => _lastLag.OldestDueAge.TotalSeconds, unit: "s");
        meter.CreateObservableGauge("motcua.outbox.failed", () => _lastLag.Failed);
        return meter.CreateCounter<long>("motcua.outbox.delivered");
    }

    public static void Enqueue<T>(AppDbContext db, string type, T payload, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage { Type = type, PayloadJson = JsonSerializer.Serialize(payload), CreatedAt = now, AvailableAt = now });

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

    private async Task<(int Claimed, int Delivered)> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var handlers = scope.ServiceProvider.GetServices<IOutboxHandler>().ToDictionary(h => h.Type);
        var now = time.GetUtcNow().UtcDateTime;
        var claim = db.Database.IsNpgsql() ? ClaimPostgres : ClaimSqlite;
        var due = (await db.OutboxMessages.FromSqlRaw(claim, now + Lease, now, options.BatchSize).ToListAsync(ct)).OrderBy(m => m.Id).ToList();
        if (due.Count == 0)
            return (0, 0);

        var delivered = new List<long>(due.Count);
        foreach (var message in due)
        {
            try
            {
                if (!handlers.TryGetValue(message.Type, out var handler))
                    throw new InvalidOperationException($"No handler for outbox type {message.Type}.");
                await handler.HandleAsync(message.PayloadJson, ct);
                delivered.Add(message.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.GetType().Name + ": " + ex.Message[..Math.Min(ex.Message.Length, 500)];
                message.Failed = message.Attempts >= options.MaxAttempts;
                message.AvailableAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, message.Attempts - 1)));
                message.LockedUntil = null;
                message.Version++;
                log.LogWarning("Outbox message {Id} ({Type}) failed, attempt {Attempt}", message.Id, message.Type, message.Attempts);
            }
        }
        // The delivered ones in one statement; the failures (rare) through the change tracker.
        var processedAt = time.GetUtcNow().UtcDateTime;
        if (delivered.Count > 0)
        {
            await db.OutboxMessages.Where(m => delivered.Contains(m.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ProcessedAt, processedAt)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.Version, m => m.Version + 1), ct);
        }
        await db.SaveChangesAsync(ct);
        DeliveredCounter.Add(delivered.Count);
        return (due.Count, delivered.Count);
    }
}
