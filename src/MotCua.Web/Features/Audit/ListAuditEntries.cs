using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Audit;

public sealed record AuditFilter(DateTime? FromUtc, DateTime? ToUtc, string? Action, string? Account, AuditOutcome? Outcome, int Page, int PageSize);
public sealed record AuditRow(long Id, DateTime At, string? AccountName, string? Roles, long? AgencyId, string? ClientIp, string Action,
    string EntityType, string EntityId, AuditOutcome Outcome, string? Details, long? ChainSeq);
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// The audit log for administrators (TCVN 14423 5.8.2.1: logs reviewed periodically): filtered by
/// time, action (prefix), account and outcome, newest first, always paged. Looking at the log is
/// itself recorded.
/// </summary>
public sealed class ListAuditEntriesHandler(AppDbContext db, TimeProvider time)
{
    public async Task<AuditPage> HandleAsync(AuditFilter filter, long viewerId, CancellationToken ct)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (filter.FromUtc is { } from)
            rows = rows.Where(a => a.At >= from);
        if (filter.ToUtc is { } to)
            rows = rows.Where(a => a.At < to);
        if (!string.IsNullOrWhiteSpace(filter.Action))
            rows = rows.Where(a => a.Action.StartsWith(filter.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.Account))
            rows = rows.Where(a => a.AccountName == filter.Account.Trim());
        if (filter.Outcome is { } outcome)
            rows = rows.Where(a => a.Outcome == outcome);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(a => a.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.AccountName, a.Roles, a.AgencyId, a.ClientIp, a.Action, a.EntityType, a.EntityId, a.Outcome, a.Details, a.ChainSeq))
            .ToListAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = viewerId,
            Action = "audit.read",
            EntityType = "AuditLog",
            EntityId = "-",
            Details = Truncate($"action={filter.Action};account={filter.Account};outcome={filter.Outcome};page={filter.Page}"),
        });
        await db.SaveChangesAsync(ct);
        return new AuditPage(page, total, filter.Page, filter.PageSize);
    }

    private static string Truncate(string text) => text.Length > 400 ? text[..400] : text;
}
