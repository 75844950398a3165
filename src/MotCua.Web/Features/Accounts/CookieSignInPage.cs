using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
    public bool Failed { get; private set; }

    /// <summary>Where to go after signing in when no return address was given.</summary>
    protected abstract string Home { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var principal = await signIn.HandleAsync(UserName, Password, CookieAuthenticationDefaults.AuthenticationScheme, ct);
        if (principal is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Home);
    }
}
