namespace MotCua.Web.Infrastructure.Outbox;

/// <summary>
/// A message to the outside world (mail, SMS, later the national portal and the postal service),
/// written in the same transaction as the change that causes it and delivered after commit by
/// <see cref="OutboxDispatcher"/>, retried with backoff; a failed delivery never undoes the change
/// (docs/architecture.md#outbox).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Type { get; set; }
    /// <summary>The system the message goes to (pause, circuit breaker and queue figures are per target).</summary>
    public string Target { get; set; } = "default";
    /// <summary>Messages with the same key (e.g. one dossier) are delivered in the order they were written.</summary>
    public string? OrderingKey { get; set; }
    public required string PayloadJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime AvailableAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public bool Failed { get; set; }
    public DateTime? LockedUntil { get; set; }
    public long Version { get; set; }
}
