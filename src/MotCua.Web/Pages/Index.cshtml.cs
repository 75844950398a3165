using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Catalog;

namespace MotCua.Web.Pages;

public sealed class IndexModel(ListSectorsHandler sectors) : PageModel
{
    public IReadOnlyList<SectorItem> Sectors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sectors = await sectors.HandleAsync(ct);
}
