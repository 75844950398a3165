using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;

namespace MotCua.Web.Pages.Catalog;

public sealed class ProceduresModel(CatalogIndex index, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? OnlineLevel { get; set; }
    // "page" is Razor Pages' own route value, so the portal pages by "trang".
    [BindProperty(SupportsGet = true, Name = "trang")] public string? PageNumber { get; set; }

    public IReadOnlyList<SectorItem> Sectors { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Agencies { get; private set; } = [];
    public PagedList<ProcedureListItem>? Result { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // One snapshot of the catalogue in force for the whole page (sectors, agencies, results).
        var catalog = await index.CurrentAsync(db, ct);
        Sectors = ListSectorsHandler.List(catalog).Where(s => s.Procedures > 0).ToArray();
        // Filter by the agencies that decide or receive at province level; commune offices are many
        // and identical in what they offer, so they are searched by commune on the procedure page.
        Agencies = catalog.ProvinceAgencies;
        var (request, errors) = SearchProceduresHandler.Parse(Q, Sector, Level, Agency, OnlineLevel, PageNumber, "20");
        if (request is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Result = SearchProceduresHandler.Search(catalog, request);
    }

    /// <summary>How many filters besides the search words are in use.</summary>
    public int FilterCount => new[] { Sector, Level, Agency, OnlineLevel }.Count(v => !string.IsNullOrWhiteSpace(v));

    public string WithoutFilters => "/thu-tuc" + QueryString.Create("q", Q ?? "");

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["sector"] = Sector,
        ["level"] = Level,
        ["agency"] = Agency,
        ["onlineLevel"] = OnlineLevel,
        ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
