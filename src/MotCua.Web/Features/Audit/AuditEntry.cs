namespace MotCua.Web.Features.Audit;

/// <summary>What became of the audited request (TCVN 14423 5.8.2.1 a: the result of each access).</summary>
public enum AuditOutcome { Success, Denied, Failed }

/// <summary>
/// Append-only audit row, written in the same SaveChanges as the change it records (docs/architecture.md#audit).
/// Details hold identifiers only, never personal data. Who, from where and with which rights
/// (account, roles, agency, client IP) is filled in by <see cref="AuditEnricher"/> when the row is
/// saved; the hash chain (<see cref="ChainSeq"/>, <see cref="Hash"/>) is added later by
/// <see cref="AuditChain"/> (docs/adr/0007-audit-chain.md).
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
    public AuditOutcome Outcome { get; set; } = AuditOutcome.Success;
    /// <summary>The account's user name (the only personal data the SOC receives).</summary>
    public string? AccountName { get; set; }
    /// <summary>The permissions the account held at the time, comma-separated.</summary>
    public string? Roles { get; set; }
    public long? AgencyId { get; set; }
    public string? ClientIp { get; set; }
    /// <summary>Position in the hash chain; null until sealed.</summary>
    public long? ChainSeq { get; set; }
    /// <summary>SHA-256 (hex) over the previous row's hash and this row's canonical content; null until sealed.</summary>
    public string? Hash { get; set; }
}

/// <summary>
/// A named position kept in the database: "chain" is the sealed head of the hash chain (position and
/// hash), "syslog" is how far the SOC has received the chain. The lease lets one node at a time work.
/// </summary>
public sealed class AuditMarker
{
    public required string Name { get; set; }
    public long Position { get; set; }
    public string? Hash { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
