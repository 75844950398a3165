namespace MotCua.Web.Features.Audit;

/// <summary>
/// Append-only audit row, written in the same SaveChanges as the change it records (DESIGN §3).
/// Details hold identifiers only, never personal data.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public long? UserId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? Details { get; set; }
}
