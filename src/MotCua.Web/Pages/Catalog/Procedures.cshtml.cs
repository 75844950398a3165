using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Pages.Catalog;

public sealed class ProceduresModel(SearchProceduresHandler search, ListSectorsHandler sectors, AppDbContext db) : PageModel
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
        Sectors = (await sectors.HandleAsync(ct)).Where(s => s.Procedures > 0).ToArray();
        // Filter by the agencies that decide or receive at province level; commune offices are many
        // and identical in what they offer, so they are searched by commune on the procedure page.
        Agencies = (await db.Agencies.AsNoTracking()
                .Where(a => a.Kind == AgencyKind.Department || a.Kind == AgencyKind.DepartmentUnit || a.Kind == AgencyKind.ProvincialServiceCentre || a.Kind == AgencyKind.VerticalAgency)
                .OrderBy(a => a.Name).Select(a => new { a.Code, a.Name }).Take(500).ToListAsync(ct))
            .Select(a => (a.Code, a.Name)).ToArray();
        var (request, errors) = SearchProceduresHandler.Parse(Q, Sector, Level, Agency, OnlineLevel, PageNumber, "20");
        if (request is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Result = await search.HandleAsync(request, ct);
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
