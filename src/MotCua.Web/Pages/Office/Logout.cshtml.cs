using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts.Sessions;

namespace MotCua.Web.Pages.Office;

/// <summary>Signing out ends the session in the database: the old cookie no longer opens anything.</summary>
public sealed class LogoutModel(SessionStore sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/office");

    public async Task<IActionResult> OnPostAsync()
    {
        await SessionsSetup.SignOutAsync(HttpContext, sessions);
        return Redirect("/");
    }
}
