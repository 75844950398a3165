using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Pages.Office;

public sealed class LoginModel(SignInHandler signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Failed { get; private set; }

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
        // Only local return addresses: no open redirect.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/office");
    }
}
