using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Accounts.Security;

public sealed record AccountSecurityRow(long Id, string UserName, string FullName, bool MfaEnabled, DateTime? LockedUntil);

/// <summary>
/// An administrator unlocks an account before its lock ends (the emergency unlock of TCVN
/// 14423:2026 5.5.2.2 b) or resets a lost second factor; both are audit rows with the
/// administrator as actor.
/// </summary>
public sealed class AccountSecurityAdmin(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<AccountSecurityRow>> ListOfficersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await (from u in db.UserAccounts.AsNoTracking()
                          where u.Kind == AccountKind.Officer
                          join s in db.AccountSecurity.AsNoTracking() on u.Id equals s.UserAccountId into sec
                          from s in sec.DefaultIfEmpty()
                          orderby u.UserName
                          select new { u.Id, u.UserName, u.FullName, Enabled = s != null && s.TotpEnabledAt != null, Locked = s == null ? null : s.LockedUntil })
            .Take(1000).ToListAsync(ct);
        return rows.Select(r => new AccountSecurityRow(r.Id, r.UserName, r.FullName, r.Enabled, r.Locked > now ? r.Locked : null)).ToList();
    }

    public async Task<bool> UnlockAsync(long accountId, long actorId, CancellationToken ct)
    {
        if (!await db.UserAccounts.AnyAsync(u => u.Id == accountId, ct))
            return false;
        var security = await db.AccountSecurity.SingleOrDefaultAsync(s => s.UserAccountId == accountId, ct);
        if (security is not null)
        {
            security.FailedAttempts = 0;
            security.LockedUntil = null;
        }
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.Unlock, accountId, time.GetUtcNow().UtcDateTime, actorId));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Lets an officer blocked after a long absence sign in again (a fresh dormancy period starts now).</summary>
    public async Task<bool> ReactivateAsync(long accountId, long actorId, CancellationToken ct)
    {
        if (!await db.UserAccounts.AnyAsync(u => u.Id == accountId, ct))
            return false;
        var now = time.GetUtcNow().UtcDateTime;
        var security = await db.AccountSecurity.SingleOrDefaultAsync(s => s.UserAccountId == accountId, ct);
        if (security is null)
            db.AccountSecurity.Add(security = new AccountSecurity { UserAccountId = accountId });
        security.ReactivatedAt = now;
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.Reactivated, accountId, now, actorId));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Removes the second factor, its recovery codes and passkeys; an officer enrols again at the next sign-in.</summary>
    public async Task<bool> ResetMfaAsync(long accountId, long actorId, CancellationToken ct)
    {
        if (!await db.UserAccounts.AnyAsync(u => u.Id == accountId, ct))
            return false;
        var security = await db.AccountSecurity.SingleOrDefaultAsync(s => s.UserAccountId == accountId, ct);
        if (security is not null)
        {
            security.TotpSecret = null;
            security.TotpEnabledAt = null;
            security.TotpLastStep = null;
        }
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(r => r.UserAccountId == accountId).ToListAsync(ct));
        // A lost phone may be the passkey too: every second factor goes, the officer enrols again.
        db.Passkeys.RemoveRange(await db.Passkeys.Where(p => p.UserAccountId == accountId).ToListAsync(ct));
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.MfaReset, accountId, time.GetUtcNow().UtcDateTime, actorId));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
