namespace MotCua.Web.Features.Accounts.Security;

/// <summary>
/// Lockout, delays and rate limits of sign-in and sign-up (section "SignInProtection"). Defaults
/// follow TCVN 14423:2026 5.5.2.2 (lock after at most 5 failures) and docs/security/sign-in.md.
/// </summary>
public sealed class SignInProtectionOptions
{
    public const string Section = "SignInProtection";

    /// <summary>Consecutive failures (password or second factor) that lock an officer account.</summary>
    public int OfficerMaxFailures { get; set; } = 5;
    public int OfficerLockMinutes { get; set; } = 15;
    /// <summary>An officer account not signed in for this many days cannot sign in until an administrator reactivates it; 0 turns it off.</summary>
    public int OfficerDormantDays { get; set; } = 45;
    /// <summary>Citizen failures allowed before delays start; each further failure doubles the delay (1 s, 2 s, 4 s …).</summary>
    public int ApplicantFreeFailures { get; set; } = 3;
    public int ApplicantMaxDelayMinutes { get; set; } = 15;
    /// <summary>Sign-in attempts (API and pages) per client network (IPv4 /24, IPv6 /64) per minute.</summary>
    public int SignInPerClientPerMinute { get; set; } = 30;
    /// <summary>Sign-ups per client network per hour.</summary>
    public int SignUpPerClientPerHour { get; set; } = 10;
}
