using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;

namespace MotCua.Web.Pages.Office;

[EnableRateLimiting(SignInRateLimits.SignIn)]
public sealed class LoginModel(SignInHandler signIn) : CookieSignInPage(signIn)
{
    protected override string Home => "/office";
}
