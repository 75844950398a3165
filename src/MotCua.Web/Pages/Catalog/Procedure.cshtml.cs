using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Catalog;

namespace MotCua.Web.Pages.Catalog;

public sealed class ProcedureModel(GetProcedureHandler handler) : PageModel
{
    public ProcedureDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Detail = code.Length <= 40 ? await handler.HandleAsync(code, ct) : null;
        return Detail is null ? NotFound() : Page();
    }
}
