namespace MotCua.Web.Features.Catalog.Reference;

public sealed record BusinessLineItem(string Code, string Name, string Section, string SectionName);

/// <summary>
/// GET /api/catalog/business-lines?q=…: the level-4 lines of the economic-sector classification
/// matching a code or words (diacritics optional), best first; what the picker's suggestions show.
/// Public, like the catalogue: the list is a published legal text.
/// </summary>
public static class BusinessLinesApi
{
    public const int DefaultLimit = 8;

    public static IResult Endpoint(string? q, int? limit)
    {
        var list = VsicList.Vsic2018;
        var items = VsicSearch.Search(list, q?.Length > 200 ? q[..200] : q, limit ?? DefaultLimit)
            .Select(l => new BusinessLineItem(l.Code, l.Name, l.SectionCode, list.SectionOf(l).Name))
            .ToArray();
        return TypedResults.Ok(items);
    }
}
