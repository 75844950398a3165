using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Catalog;

namespace MotCua.Web.Pages.Catalog;

public sealed class ProcedureModel(GetProcedureHandler handler, FormTemplatesHandler templates) : PageModel
{
    public ProcedureDetail? Detail { get; private set; }
    /// <summary>The template files the catalogue holds for the templates this procedure's documents name.</summary>
    public IReadOnlyDictionary<string, FormTemplateItem> Templates { get; private set; } = new Dictionary<string, FormTemplateItem>();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Detail = code.Length <= 40 ? await handler.HandleAsync(code, ct) : null;
        if (Detail is null)
            return NotFound();
        Templates = await templates.ForAsync(Detail.Definition.Cases.SelectMany(c => c.Documents).Select(d => d.Template), ct);
        return Page();
    }
}
