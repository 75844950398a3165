using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts.Sessions;

namespace MotCua.Web.Pages.Portal;

/// <summary>The applicants' sign-out (a POST with the anti-forgery token, from the link in the layout).</summary>
public sealed class SignOutModel(SessionStore sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await SessionsSetup.SignOutAsync(HttpContext, sessions);
        TempData["Flash"] = "Bạn đã đăng xuất.";
        return Redirect("/");
    }
}
