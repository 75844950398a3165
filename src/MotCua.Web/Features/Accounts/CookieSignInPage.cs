using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts.Security;
using MotCua.Web.Features.Accounts.Security.Passkeys;

namespace MotCua.Web.Features.Accounts;

/// <summary>
/// The sign-in form of the office and of the portal: the same handler as POST /api/auth/token,
/// a cookie on success, and only local return addresses (no open redirect).
/// </summary>
public abstract class CookieSignInPage(SignInHandler signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    /// <summary>The authenticator app's 6-digit code or a recovery code (required for officers).</summary>
    [BindProperty] public string? Totp { get; set; }
    /// <summary>Instead of the code: the challenge offered at the previous attempt and the passkey's answer (set by js/passkey.js).</summary>
    [BindProperty] public string? PasskeyChallenge { get; set; }
    [BindProperty] public string? PasskeyResponse { get; set; }
    /// <summary>Assertion options for the account's passkeys, offered once the password was right.</summary>
    public PasskeyRequest? PasskeyOffer { get; private set; }
    public bool Failed { get; private set; }
    /// <summary>The password was right and a second-factor code is needed (or the one typed was wrong).</summary>
    public bool CodeNeeded { get; private set; }

    /// <summary>Where to go after signing in when no return address was given.</summary>
    protected abstract string Home { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signIn.HandleAsync(UserName, Password, Totp, CookieAuthenticationDefaults.AuthenticationScheme, ct,
            new PasskeyAssertion(PasskeyChallenge, PasskeyResponse));
        if (result.Principal is not { } principal)
        {
            Failed = result.Status == SignInStatus.InvalidCredentials;
            CodeNeeded = result.Status is SignInStatus.MfaRequired or SignInStatus.MfaInvalid;
            PasskeyOffer = result.Passkey;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        if (result.Status == SignInStatus.EnrolmentRequired)
            return LocalRedirect(MfaPage.Path);
        return LocalRedirect(LocalReturn(ReturnUrl) ?? Home);
    }

    /// <summary>
    /// The return address if it is a path of this site ("/…", not "//host" or "/\host"), else null:
    /// the place a citizen was going survives sign-up and sign-in without an open redirect.
    /// </summary>
    public static string? LocalReturn(string? url) =>
        url is { Length: > 1 and <= 2000 } && url[0] == '/' && url[1] is not ('/' or '\\') && !url.Any(char.IsControl) ? url : null;

    /// <summary>The sign-up link that keeps the return address.</summary>
    public string SignUpLink => LocalReturn(ReturnUrl) is { } back ? "/dang-ky?returnUrl=" + Uri.EscapeDataString(back) : "/dang-ky";
}
