using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts.Sessions;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Administration;

public sealed record AccountChangeResponse(long Id, bool Active, IReadOnlyList<RoleGrant> Roles, int SessionsEnded);

/// <summary>
/// Disables an account: it can no longer sign in, and every open session (cookies and bearer tokens)
/// ends in the same transaction as the change and its audit row.
/// </summary>
public sealed class DisableAccountHandler(AppDbContext db, TimeProvider time)
{
    public async Task<IResult> HandleAsync(long id, long? actorId, CancellationToken ct)
    {
        var account = await db.UserAccounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
            return Problems.NotFound("Không tìm thấy tài khoản.");
        if (account.Id == actorId)
            return Problems.Conflict("Không thể tự khóa tài khoản của chính mình.");
        var now = time.GetUtcNow().UtcDateTime;
        account.Active = false;
        var ended = await SessionStore.EndAllAsync(db, id, SessionEndReason.AccountDisabled, now, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = actorId,
            Action = "account.disable",
            EntityType = nameof(UserAccount),
            EntityId = id.ToString(CultureInfo.InvariantCulture),
            Details = $"sessionsEnded={ended}",
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AccountChangeResponse(id, false, await RoleGrant.ListAsync(db, id, ct), ended));
    }

    public static Task<IResult> Endpoint(long id, HttpContext http, DisableAccountHandler handler, CancellationToken ct) =>
        handler.HandleAsync(id, http.User.UserId(), ct);
}
