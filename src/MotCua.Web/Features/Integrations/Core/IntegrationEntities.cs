namespace MotCua.Web.Features.Integrations.Core;

/// <summary>
/// A system MotCua sends messages to (the national portal, the mail and SMS gateways …). A row
/// exists once an administrator paused or resumed it; no row means "running"
/// (docs/integrations/integration-layer.md#pause).
/// </summary>
public sealed class IntegrationTarget
{
    public required string Name { get; set; }
    public bool Paused { get; set; }
    public DateTime ChangedAt { get; set; }
    public string? ChangedBy { get; set; }
}

/// <summary>
/// One exchange with an outside system: what was sent, what came back, when, how long it took, and
/// the SHA-256 of both bodies as stored (secrets — passwords, session tokens — are masked before
/// storing and hashing). Personal data appear only where the payload itself carries them
/// (docs/integrations/integration-layer.md#message-log).
/// </summary>
public sealed class IntegrationExchange
{
    public long Id { get; set; }
    public long? OutboxMessageId { get; set; }
    public required string Target { get; set; }
    public required string Operation { get; set; }
    public DateTime At { get; set; }
    public int DurationMs { get; set; }
    public int? HttpStatus { get; set; }
    public bool Succeeded { get; set; }
    public required string RequestBody { get; set; }
    public string? ResponseBody { get; set; }
    public required string RequestSha256 { get; set; }
    public string? ResponseSha256 { get; set; }
    public string? Error { get; set; }
}

/// <summary>What the page and the reports show for a dossier and one target (docs/integrations/integration-layer.md#sync-state).</summary>
public enum SyncState { Never, Pending, Synced, Failed }

/// <summary>
/// Where a dossier stands with one target. Each change of the dossier takes the next
/// <see cref="ChangeSequence"/> and queues a message carrying it; a delivery raises
/// <see cref="DeliveredSequence"/>, a message given up raises <see cref="FailedSequence"/>. The
/// state is derived from the three (<see cref="State"/>), so the dossier action (which writes only ChangeSequence) and
/// the dispatcher (which writes only the others) never overwrite each other's columns.
/// </summary>
public sealed class DossierSyncState
{
    public long DossierId { get; set; }
    public required string Target { get; set; }
    public long ChangeSequence { get; set; }
    public DateTime ChangedAt { get; set; }
    public long DeliveredSequence { get; set; }
    public long FailedSequence { get; set; }
    /// <summary>The target has the dossier (an add succeeded once): later deliveries send updates.</summary>
    public bool KnownByTarget { get; set; }
    public DateTime? FirstSyncedAt { get; set; }
    public DateTime? SyncedAt { get; set; }
    /// <summary>The last history row whose progress item the target acknowledged.</summary>
    public long LastSyncedHistoryId { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// Failed while a message given up has not been followed by a delivery: the dossier's later messages
    /// wait behind it (delivery in order), so the failure is what the administrator must see and fix.
    /// </summary>
    public SyncState State =>
        FailedSequence > DeliveredSequence ? SyncState.Failed
        : DeliveredSequence >= ChangeSequence ? SyncState.Synced
        : SyncState.Pending;

    public static string VietnameseName(SyncState state) => state switch
    {
        SyncState.Never => "Chưa đồng bộ",
        SyncState.Pending => "Đang chờ đồng bộ",
        SyncState.Synced => "Đã đồng bộ",
        _ => "Đồng bộ lỗi",
    };
}
