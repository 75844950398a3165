using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Pages.Office;

public sealed class OfficeIndexModel : PageModel
{
    public void OnGet()
    {
    }
}
