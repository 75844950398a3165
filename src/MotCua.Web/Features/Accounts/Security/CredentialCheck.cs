using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts.Security.Passkeys;

namespace MotCua.Web.Features.Accounts.Security;

public enum SignInStatus { Success, InvalidCredentials, MfaRequired, MfaInvalid, EnrolmentRequired }

/// <summary>A passkey's answer to the assertion options offered at the previous attempt (the browser's PublicKeyCredential as JSON).</summary>
public sealed record PasskeyAssertion(string? ChallengeId, string? ResponseJson);

/// <param name="Passkey">When a second factor is asked for and the account has passkeys: the options for the browser.</param>
public sealed record CredentialResult(SignInStatus Status, UserAccount? Account, PasskeyRequest? Passkey = null);

/// <summary>
/// Checks password and second factor, and keeps the account's failure count: an officer locks
/// for 15 minutes after 5 consecutive failures (TCVN 14423:2026 5.5.2.2), an applicant meets
/// growing delays instead, so nobody can lock a citizen out for good (docs/security/sign-in.md).
/// While locked every attempt gets the answer of a wrong password, whether the password was right
/// or not, and so does an unknown account; the password is hashed in every case, so the time
/// taken does not tell either. Every attempt is an audit row in the same SaveChanges.
/// </summary>
public sealed class CredentialCheck(AppDbContext db, IPasswordHasher<UserAccount> hasher, TotpAuthenticator totp,
    PasskeyCeremonies passkeys, IOptions<SignInProtectionOptions> options, TimeProvider time)
{
    // Hash of a random password, compared when the user does not exist, so timing does not reveal accounts.
    private static readonly Lazy<string> DummyHash = new(() => PasswordHashing.NewHasher().HashPassword(null!, Guid.NewGuid().ToString()));

    /// <param name="code">The TOTP code or a recovery code.</param>
    /// <param name="passkey">Instead of the code: a passkey's assertion (sign-in pages).</param>
    /// <param name="allowEnrolment">An officer without a second factor yet may go on to the enrolment page only (cookie sign-in).</param>
    public async Task<CredentialResult> CheckAsync(string? userName, string? password, string? code, PasskeyAssertion? passkey, bool allowEnrolment, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 200 || password.Length > 200)
            return new(SignInStatus.InvalidCredentials, null);
        var now = time.GetUtcNow().UtcDateTime;
        var account = await db.UserAccounts.Include(u => u.Roles).SingleOrDefaultAsync(u => u.UserName == userName.Trim().ToLowerInvariant(), ct);
        if (account is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.SignInFailed, null, now, null, "reason=unknown-account"));
            await db.SaveChangesAsync(ct);
            return new(SignInStatus.InvalidCredentials, null);
        }
        var security = await db.AccountSecurity.SingleOrDefaultAsync(s => s.UserAccountId == account.Id, ct);
        if (security is null)
            db.AccountSecurity.Add(security = new AccountSecurity { UserAccountId = account.Id });

        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (security.LockedUntil is { } until && until > now)
        {
            // Not counted: attempts during a lock must not extend it (no permanent lock-out by a stranger).
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.SignInFailed, account.Id, now, null, "reason=locked", account.UserName));
            await db.SaveChangesAsync(ct);
            return new(SignInStatus.InvalidCredentials, null);
        }
        if (verified == PasswordVerificationResult.Failed || !account.Active)
            return new(await FailAsync(account, security, now, SecurityEvents.SignInFailed, account.Active ? "reason=password" : "reason=inactive", ct), null);
        if (IsDormant(account, security, now))
        {
            // Only after the right password, so a stranger cannot raise the event; the answer stays the same.
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.DormantBlocked, account.Id, now, null, $"days={options.Value.OfficerDormantDays}", account.UserName));
            await db.SaveChangesAsync(ct);
            return new(SignInStatus.InvalidCredentials, null);
        }
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
            account.PasswordHash = hasher.HashPassword(account, password);

        var secondFactorDue = security.TotpEnabled || account.Kind == AccountKind.Officer;
        if (secondFactorDue && !security.TotpEnabled)
        {
            // An officer who never enrolled: the cookie leads to the enrolment page and nowhere else.
            db.AuditEntries.Add(SecurityEvents.For(allowEnrolment ? SecurityEvents.SignIn : SecurityEvents.SignInFailed, account.Id, now, null, "mfa=not-enrolled", account.UserName));
            await db.SaveChangesAsync(ct);
            return allowEnrolment ? new(SignInStatus.EnrolmentRequired, account) : new(SignInStatus.MfaRequired, null);
        }
        var usesPasskey = passkey is { ChallengeId.Length: > 0, ResponseJson.Length: > 0 };
        if (secondFactorDue && string.IsNullOrWhiteSpace(code) && !usesPasskey)
        {
            // The right password without a code is neither a success nor a failure: the client asks
            // for the code, or for a passkey (its options are offered only after the right password).
            var offer = await passkeys.BeginSignInAsync(account.Id, ct);
            await db.SaveChangesAsync(ct);
            return new(SignInStatus.MfaRequired, null, offer);
        }
        var factor = "totp";
        if (secondFactorDue)
        {
            var failure = usesPasskey ? await PasskeyFactorAsync(account, passkey!, now, ct)
                : await SecondFactorAsync(account, security, code!, now, ct) ? null : "reason=mfa";
            if (failure is not null)
            {
                var retry = await passkeys.BeginSignInAsync(account.Id, ct);
                var status = await FailAsync(account, security, now, SecurityEvents.MfaFailed, failure, ct) == SignInStatus.InvalidCredentials
                    ? SignInStatus.InvalidCredentials : SignInStatus.MfaInvalid;
                return new(status, null, status == SignInStatus.MfaInvalid ? retry : null);
            }
            factor = usesPasskey ? "passkey" : "totp";
        }

        security.FailedAttempts = 0;
        security.LockedUntil = null;
        security.LastSignInAt = now;
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.SignIn, account.Id, now, account.Id, secondFactorDue ? "mfa=" + factor : null, account.UserName));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request used the same TOTP step (or passkey challenge) at the same moment: only one of them may pass.
            return new(SignInStatus.MfaInvalid, null);
        }
        return new(SignInStatus.Success, account);
    }

    /// <summary>
    /// A staff account unused for <see cref="SignInProtectionOptions.OfficerDormantDays"/> days
    /// (since its last sign-in, creation or reactivation) is blocked (TCVN 14423:2026 test T-AUTH-11).
    /// </summary>
    private bool IsDormant(UserAccount account, AccountSecurity security, DateTime now)
    {
        var days = options.Value.OfficerDormantDays;
        if (account.Kind != AccountKind.Officer || days <= 0)
            return false;
        var lastActive = new[] { account.CreatedAt, security.LastSignInAt ?? DateTime.MinValue, security.ReactivatedAt ?? DateTime.MinValue }.Max();
        return now - lastActive > TimeSpan.FromDays(days);
    }

    /// <summary>Null when the passkey's assertion verifies; otherwise the failure's reason for the audit row.</summary>
    private async Task<string?> PasskeyFactorAsync(UserAccount account, PasskeyAssertion assertion, DateTime now, CancellationToken ct)
    {
        var (result, passkey) = await passkeys.VerifySignInAsync(account.Id, assertion.ChallengeId, assertion.ResponseJson, ct);
        var tag = passkey is null ? "" : ";credential=" + PasskeyCeremonies.Fingerprint(passkey);
        if (result == PasskeyCheck.Valid)
        {
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.PasskeyUsed, account.Id, now, account.Id, tag.TrimStart(';'), account.UserName));
            return null;
        }
        return (result == PasskeyCheck.ClonedAuthenticator ? "reason=passkey-counter" : "reason=passkey") + tag;
    }

    private async Task<bool> SecondFactorAsync(UserAccount account, AccountSecurity security, string code, DateTime now, CancellationToken ct)
    {
        if (RecoveryCodes.Normalise(code) is { } recovery)
        {
            var hash = RecoveryCodes.Hash(recovery);
            var row = await db.RecoveryCodes.FirstOrDefaultAsync(r => r.UserAccountId == account.Id && r.CodeHash == hash && r.UsedAt == null, ct);
            if (row is null)
                return false;
            row.UsedAt = now;
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.RecoveryCodeUsed, account.Id, now, account.Id, $"recoveryCodeId={row.Id}", account.UserName));
            return true;
        }
        if (totp.Verify(security.TotpSecret!, code.Trim(), security.TotpLastStep) is not { } step)
            return false;
        security.TotpLastStep = step;
        return true;
    }

    /// <summary>Counts a failure; locks an officer or delays an applicant. Returns the answer to give.</summary>
    private async Task<SignInStatus> FailAsync(UserAccount account, AccountSecurity security, DateTime now, string action, string reason, CancellationToken ct)
    {
        var o = options.Value;
        security.FailedAttempts++;
        db.AuditEntries.Add(SecurityEvents.For(action, account.Id, now, null, $"{reason};failures={security.FailedAttempts}", account.UserName));
        var locked = false;
        if (account.Kind == AccountKind.Officer && security.FailedAttempts >= o.OfficerMaxFailures)
        {
            security.LockedUntil = now.AddMinutes(o.OfficerLockMinutes);
            security.FailedAttempts = 0;
            locked = true;
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.Lockout, account.Id, now, null, $"minutes={o.OfficerLockMinutes}", account.UserName));
        }
        else if (account.Kind == AccountKind.Applicant && security.FailedAttempts >= o.ApplicantFreeFailures)
        {
            var seconds = Math.Min(Math.Pow(2, security.FailedAttempts - o.ApplicantFreeFailures), o.ApplicantMaxDelayMinutes * 60.0);
            security.LockedUntil = now.AddSeconds(seconds);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A parallel success changed the row; this attempt still failed.
        }
        return locked || action == SecurityEvents.SignInFailed ? SignInStatus.InvalidCredentials : SignInStatus.MfaInvalid;
    }
}
