using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Pages.Office;

public sealed class LoginModel(SignInHandler signIn) : CookieSignInPage(signIn)
{
    protected override string Home => "/office";
}
