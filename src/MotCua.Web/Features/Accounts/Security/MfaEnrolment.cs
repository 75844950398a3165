using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Accounts.Security;

public sealed record MfaStatus(bool Enabled, int RecoveryCodesLeft);
public sealed record MfaSetup(string Secret, string OtpAuthUri);
public sealed record MfaConfirmRequest(string? Code);
public sealed record MfaConfirmResponse(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// Turning on the TOTP second factor: a new secret (kept protected, not yet in force), then one
/// code from the app confirms it and ten recovery codes are shown once. Required for officers
/// (TCVN 14423:2026 5.6.2.4), optional for applicants. A second factor in force is changed only
/// after an administrator's reset, so a stolen session cannot replace it.
/// </summary>
public sealed class MfaEnrolmentHandler(AppDbContext db, TotpAuthenticator totp, TimeProvider time)
{
    public async Task<MfaStatus> StatusAsync(long userId, CancellationToken ct)
    {
        var security = await db.AccountSecurity.AsNoTracking().SingleOrDefaultAsync(s => s.UserAccountId == userId, ct);
        var left = await db.RecoveryCodes.CountAsync(r => r.UserAccountId == userId && r.UsedAt == null, ct);
        return new MfaStatus(security?.TotpEnabled == true, left);
    }

    /// <summary>The pending secret (a new one on first call); null when a second factor is already in force.</summary>
    public async Task<MfaSetup?> StartAsync(long userId, CancellationToken ct)
    {
        var account = await db.UserAccounts.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var security = await db.AccountSecurity.SingleOrDefaultAsync(s => s.UserAccountId == userId, ct);
        if (security is null)
            db.AccountSecurity.Add(security = new AccountSecurity { UserAccountId = userId });
        if (security.TotpEnabled)
            return null;
        if (security.TotpSecret is null)
        {
            security.TotpSecret = totp.Protect(TotpAuthenticator.NewSecret());
            await db.SaveChangesAsync(ct);
        }
        var secret = totp.Unprotect(security.TotpSecret);
        return new MfaSetup(secret, TotpAuthenticator.OtpAuthUri(secret, account.UserName));
    }

    /// <summary>The ten recovery codes when the code matches the pending secret; null otherwise.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(long userId, string? code, CancellationToken ct)
    {
        var security = await db.AccountSecurity.SingleOrDefaultAsync(s => s.UserAccountId == userId, ct);
        if (security is not { TotpSecret: not null } || security.TotpEnabled)
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        if (totp.Verify(security.TotpSecret, code?.Trim(), null) is not { } step)
        {
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.MfaFailed, userId, now, userId, "reason=enrolment"));
            await db.SaveChangesAsync(ct);
            return null;
        }
        security.TotpEnabledAt = now;
        security.TotpLastStep = step;
        var codes = await ReplaceRecoveryCodesAsync(db, userId, ct);
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.MfaEnrolled, userId, now, userId, "factor=totp"));
        await db.SaveChangesAsync(ct);
        return codes;
    }

    internal static async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(AppDbContext db, long userId, CancellationToken ct)
    {
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(r => r.UserAccountId == userId).ToListAsync(ct));
        var codes = RecoveryCodes.Generate();
        foreach (var code in codes)
            db.RecoveryCodes.Add(new RecoveryCode { UserAccountId = userId, CodeHash = RecoveryCodes.Hash(RecoveryCodes.Normalise(code)!) });
        return codes;
    }
}

/// <summary>Where the enrolment page lives (officers, and applicants from their profile).</summary>
public static class MfaPage
{
    public const string Path = "/bao-mat/xac-thuc-hai-lop";
}
