using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Eid;
using MotCua.Web.Features.Accounts.Security;

namespace MotCua.Web.Pages.Portal;

/// <summary>Applicants' sign-in: password, or VNeID / the DVCQG account when configured (docs/integrations/vneid.md).</summary>
[EnableRateLimiting(SignInRateLimits.SignIn)]
public sealed class SignInModel(SignInHandler signIn, EidProviders eid) : CookieSignInPage(signIn)
{
    /// <summary>Why the last e-ID round trip came back without signing in (set by Features/Accounts/Eid/EidCallback.cs).</summary>
    [BindProperty(SupportsGet = true, Name = "loi")] public string? EidFailureReason { get; set; }
    [BindProperty(SupportsGet = true, Name = "qua")] public string? EidFailureProvider { get; set; }

    protected override string Home => EidCallback.Home;

    public string? EidFailure => EidCallback.Message(EidFailureReason, EidFailureProvider);

    /// <summary>One button per configured provider, each keeping the return address.</summary>
    public IEnumerable<(string Text, string Href)> EidButtons => eid.Configured.Select(p => (p.ButtonText, EidProviders.StartPath(p, ReturnUrl)));
}
