using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Catalog.Reference;

namespace MotCua.Web.Pages.Portal;

/// <summary>
/// Looking up the economic-sector classification without JavaScript: words or a code find the
/// level-4 lines; with nothing typed, the sections, each opening its lines. Small pages for a cheap phone.
/// </summary>
public sealed class BusinessLinesModel : PageModel
{
    public const int MaxResults = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "nhom")] public string? SectionCode { get; set; }

    public VsicList List => VsicList.Vsic2018;
    public VsicSection? Section { get; private set; }
    public IReadOnlyList<VsicLine> Results { get; private set; } = [];

    public void OnGet()
    {
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Results = VsicSearch.Search(List, Query.Length > 200 ? Query[..200] : Query, MaxResults);
            return;
        }
        Section = List.Sections.FirstOrDefault(s => s.Code == SectionCode);
        if (Section is not null)
            Results = List.Lines.Where(l => l.SectionCode == Section.Code).ToArray();
    }
}
