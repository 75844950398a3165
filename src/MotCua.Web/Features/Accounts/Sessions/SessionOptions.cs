namespace MotCua.Web.Features.Accounts.Sessions;

/// <summary>
/// Session limits (configuration section "Sessions"). Defaults follow TCVN 14423 level 3: a staff
/// session locks after 15 idle minutes, an administrator's after 5.
/// </summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    public int OfficerIdleMinutes { get; set; } = 15;
    public int AdminIdleMinutes { get; set; } = 5;
    public int ApplicantIdleMinutes { get; set; } = 30;
    /// <summary>Absolute lifetime of a session, however active; a bearer token ends earlier with its own expiry.</summary>
    public int AbsoluteHours { get; set; } = 12;
    /// <summary>Ended or expired session rows are removed after this many days (<see cref="SessionPurge"/>).</summary>
    public int PurgeAfterDays { get; set; } = 7;
    public bool PurgeEnabled { get; set; } = true;
    public int PurgeIntervalMinutes { get; set; } = 60;
}
