using System.Globalization;
using MotCua.Web.Features.Audit;

namespace MotCua.Web.Features.Accounts.Security;

/// <summary>
/// Security events as audit rows (TCVN 14423:2026 5.7: sign-in success and failure, lockout, second
/// factor). Identifiers only: the account id, or "unknown" — the typed name of an unknown account is
/// never stored, it may be a password typed in the wrong field.
/// </summary>
public static class SecurityEvents
{
    public const string SignIn = "security.sign-in";
    public const string SignInFailed = "security.sign-in-failed";
    public const string MfaFailed = "security.mfa-failed";
    public const string Lockout = "security.lockout";
    public const string Unlock = "security.unlock";
    public const string MfaEnrolled = "security.mfa-enrolled";
    public const string MfaReset = "security.mfa-reset";
    public const string RecoveryCodeUsed = "security.recovery-code-used";
    public const string PasskeyRegistered = "security.passkey-registered";
    public const string PasskeyUsed = "security.passkey-used";
    public const string PasskeyRemoved = "security.passkey-removed";
    public const string MfaDisabled = "security.mfa-disabled";
    public const string PasswordChanged = "security.password-changed";
    public const string PasswordChangeFailed = "security.password-change-failed";
    public const string DormantBlocked = "security.dormant-blocked";
    public const string Reactivated = "security.reactivated";

    /// <summary>
    /// A security event about an account. The account's user name is set here because a sign-in
    /// attempt has no signed-in user for the audit enricher to take it from (the SOC needs it);
    /// failures are marked failed so the SOC can alert on them.
    /// </summary>
    public static AuditEntry For(string action, long? accountId, DateTime at, long? actorId, string? details = null, string? accountName = null) => new()
    {
        At = at,
        UserId = actorId,
        Action = action,
        AccountName = accountName,
        Outcome = action is SignInFailed or MfaFailed or Lockout or PasswordChangeFailed or DormantBlocked ? AuditOutcome.Failed : AuditOutcome.Success,
        EntityType = "UserAccount",
        EntityId = accountId?.ToString(CultureInfo.InvariantCulture) ?? "unknown",
        Details = details,
    };
}
