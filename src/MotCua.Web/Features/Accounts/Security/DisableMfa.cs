using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Security;

public sealed record DisableMfaRequest(string? Password, string? Code);

/// <summary>
/// A citizen turns the optional second factor off again: the password and a current code (or a
/// recovery code) are both needed, so an open session alone cannot do it. TOTP, recovery codes
/// and passkeys all go; logged. Officers cannot: for them the factor is mandatory (TCVN
/// 14423:2026 5.6.2.4) and only an administrator resets it.
/// </summary>
public sealed class DisableMfaHandler(AppDbContext db, IPasswordHasher<UserAccount> hasher, TotpAuthenticator totp, TimeProvider time)
{
    public async Task<IResult> HandleAsync(long userId, DisableMfaRequest? request, CancellationToken ct)
    {
        var account = await db.UserAccounts.SingleAsync(u => u.Id == userId, ct);
        if (account.Kind != AccountKind.Applicant)
            return Problems.Conflict("Cán bộ bắt buộc dùng xác thực hai lớp; muốn đổi thiết bị, đề nghị quản trị viên đặt lại.");
        var security = await db.AccountSecurity.SingleOrDefaultAsync(s => s.UserAccountId == userId, ct);
        if (security is not { TotpEnabled: true })
            return Problems.Conflict("Xác thực hai lớp chưa bật.");
        var now = time.GetUtcNow().UtcDateTime;
        var passwordOk = request?.Password is { Length: > 0 and <= PasswordPolicy.MaxLength } password
            && hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (!passwordOk || !await CodeMatchesAsync(security, request!.Code, userId, ct))
        {
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.MfaFailed, userId, now, userId, passwordOk ? "reason=disable-code" : "reason=disable-password"));
            await db.SaveChangesAsync(ct);
            return Problems.Validation(passwordOk ? "code" : "password", passwordOk ? "Mã xác thực không đúng hoặc đã dùng." : "Mật khẩu không đúng.");
        }
        security.TotpSecret = null;
        security.TotpEnabledAt = null;
        security.TotpLastStep = null;
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(r => r.UserAccountId == userId).ToListAsync(ct));
        db.Passkeys.RemoveRange(await db.Passkeys.Where(p => p.UserAccountId == userId).ToListAsync(ct));
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.MfaDisabled, userId, now, userId));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private async Task<bool> CodeMatchesAsync(AccountSecurity security, string? code, long userId, CancellationToken ct)
    {
        if (RecoveryCodes.Normalise(code) is { } recovery)
        {
            var hash = RecoveryCodes.Hash(recovery);
            return await db.RecoveryCodes.AnyAsync(r => r.UserAccountId == userId && r.CodeHash == hash && r.UsedAt == null, ct);
        }
        return totp.Verify(security.TotpSecret!, code?.Trim(), security.TotpLastStep) is not null;
    }
}
