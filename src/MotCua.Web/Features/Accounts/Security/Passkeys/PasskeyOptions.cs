namespace MotCua.Web.Features.Accounts.Security.Passkeys;

/// <summary>
/// The relying party of passkeys (section "Passkeys"). Production sets both: the RP ID is the
/// site's domain (a passkey is bound to it, WebAuthn §5.1.3) and Origins lists the exact
/// https origins the browser may report. Left empty, the request's own host and origin are used
/// (behind a proxy only those of the trusted forwarded headers), which suits a single-host demo.
/// </summary>
public sealed class PasskeyOptions
{
    public const string Section = "Passkeys";

    public string? RelyingPartyId { get; set; }
    public List<string> Origins { get; set; } = [];
    /// <summary>How long the browser has to answer a challenge.</summary>
    public int ChallengeMinutes { get; set; } = 5;
    public int MaxPerAccount { get; set; } = 10;
}
