using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;

namespace MotCua.Web.Pages.Portal;

/// <summary>Applicants' sign-in.</summary>
[EnableRateLimiting(SignInRateLimits.SignIn)]
public sealed class SignInModel(SignInHandler signIn) : CookieSignInPage(signIn)
{
    protected override string Home => "/ho-so-cua-toi";
}
