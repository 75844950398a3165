using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Portal;

public sealed class MyDossiersModel(ListDossiersHandler list) : PageModel
{
    public PagedList<DossierListItem>? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] int? page, CancellationToken ct)
    {
        if (DossierActor.From(User) is not { } actor)
            return Challenge();
        if (actor.IsOfficer)
            return Redirect("/office");
        Result = await list.HandleAsync(actor, null, DossierQueue.All, null, Math.Clamp(page ?? 1, 1, 100_000), 20, ct);
        return Page();
    }
}
