using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts.Sessions;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Security;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Changing one's own password: the current one first (a session left open is not enough), the
/// new one under the password policy; every other session of the account ends in the same
/// transaction (TCVN 14423:2026 test T-AUTH-06: a thief's session must not survive the change),
/// the caller's own stays open.
/// </summary>
public sealed class ChangePasswordHandler(AppDbContext db, IPasswordHasher<UserAccount> hasher, PasswordPolicy policy, TimeProvider time)
{
    public async Task<IResult> HandleAsync(ClaimsPrincipal user, ChangePasswordRequest? request, CancellationToken ct)
    {
        var account = await db.UserAccounts.SingleAsync(u => u.Id == user.UserId()!.Value, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (request?.CurrentPassword is not { Length: > 0 and <= PasswordPolicy.MaxLength } current
            || hasher.VerifyHashedPassword(account, account.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.PasswordChangeFailed, account.Id, now, account.Id, "reason=current-password"));
            await db.SaveChangesAsync(ct);
            return Problems.Validation("currentPassword", "Mật khẩu hiện tại không đúng.");
        }
        var errors = policy.Check(request.NewPassword, account.Phone, account.PersonalId).ToList();
        if (errors.Count > 0)
            return Problems.Validation(errors.Select(e => e with { Field = "newPassword" }));
        account.PasswordHash = hasher.HashPassword(account, request.NewPassword!);
        var ended = await SessionStore.EndAllAsync(db, account.Id, SessionEndReason.PasswordChanged, now, ct, except: user.FindFirstValue(SessionStore.ClaimType));
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.PasswordChanged, account.Id, now, account.Id, "sessionsEnded=" + ended.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
