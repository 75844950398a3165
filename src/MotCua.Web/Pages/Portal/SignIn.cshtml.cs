using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Pages.Portal;

/// <summary>Applicants' sign-in.</summary>
public sealed class SignInModel(SignInHandler signIn) : CookieSignInPage(signIn)
{
    protected override string Home => "/ho-so-cua-toi";
}
