using MotCua.Core.Catalog;
using MotCua.Core.Text;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Catalog;

public sealed record SearchProceduresRequest(string? Q, string? Sector, ImplementingLevel? Level, string? Agency, OnlineLevel? OnlineLevel, int Page, int PageSize);
public sealed record ProcedureListItem(string Code, string Name, string SectorCode, string SectorName, IReadOnlyList<string> Levels, string OnlineLevel);
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>
/// Catalogue search over the versions in force today, served from the node's in-memory
/// <see cref="CatalogIndex"/>. Text search ignores case and diacritics (both sides folded) and ranks
/// the best match first; without text, names in alphabetical order.
/// </summary>
public sealed class SearchProceduresHandler(AppDbContext db, CatalogIndex index)
{
    /// <summary>Upper bound of candidates ranked; a province has about 2,000 procedures.</summary>
    public const int MaxCandidates = 10_000;
    public const int MaxPageSize = 100;

    public async Task<PagedList<ProcedureListItem>> HandleAsync(SearchProceduresRequest request, CancellationToken ct) =>
        Search(await index.CurrentAsync(db, ct), request);

    public static PagedList<ProcedureListItem> Search(CatalogSnapshot catalog, SearchProceduresRequest request)
    {
        IEnumerable<CatalogEntry> rows = catalog.Entries;
        if (!string.IsNullOrWhiteSpace(request.Sector))
            rows = rows.Where(v => v.SectorCode == request.Sector);
        if (request.Level is { } level)
        {
            var marker = "," + level + ",";
            rows = rows.Where(v => v.Levels.Contains(marker, StringComparison.Ordinal));
        }
        if (!string.IsNullOrWhiteSpace(request.Agency))
        {
            var offered = catalog.OfferingsByAgency.GetValueOrDefault(request.Agency) ?? new Dictionary<long, OnlineLevel>();
            var online = request.OnlineLevel;
            rows = rows.Where(v => offered.TryGetValue(v.ProcedureId, out var at) && (online is null || at == online));
        }
        else if (request.OnlineLevel is { } online)
        {
            rows = rows.Where(v => v.OnlineLevel == online);
        }

        var tokens = VietnameseText.Tokens(request.Q);
        List<CatalogEntry> page;
        int total;
        if (tokens.Count == 0)
        {
            var all = rows.ToList();
            total = all.Count;
            page = all.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        }
        else
        {
            foreach (var token in tokens)
                rows = rows.Where(r => r.NameFolded.Contains(token, StringComparison.Ordinal) || r.Code.StartsWith(token, StringComparison.Ordinal));
            // Entries are already in (folded name, code) order, so the cap keeps the same candidates as ever.
            var folded = VietnameseText.Fold(request.Q);
            var ranked = rows.Take(MaxCandidates)
                .Select(r => (Row: r, Score: SearchRanking.Score(folded, tokens, r.NameFolded, r.Code)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Row.NameFolded, StringComparer.Ordinal)
                .ToList();
            total = ranked.Count;
            page = ranked.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).Select(x => x.Row).ToList();
        }

        var items = page.Select(r => new ProcedureListItem(r.Code, r.Name, r.SectorCode,
                catalog.SectorNames.GetValueOrDefault(r.SectorCode, r.SectorCode), r.LevelList, r.OnlineLevel.ToString()))
            .ToArray();
        return new PagedList<ProcedureListItem>(items, total, request.Page, request.PageSize);
    }

    /// <summary>Parses the query string; errors name the field, in Vietnamese.</summary>
    public static (SearchProceduresRequest? Request, IReadOnlyList<FieldError> Errors) Parse(
        string? q, string? sector, string? level, string? agency, string? onlineLevel, string? page, string? pageSize)
    {
        var parse = new QueryParsing();
        var request = new SearchProceduresRequest(
            q is { Length: > 200 } ? q[..200] : q,
            string.IsNullOrWhiteSpace(sector) ? null : sector.Trim(),
            parse.Enum<ImplementingLevel>(level, "level"),
            string.IsNullOrWhiteSpace(agency) ? null : agency.Trim(),
            parse.Enum<OnlineLevel>(onlineLevel, "onlineLevel"),
            parse.Int(page, "page", 1, 1, 100_000),
            parse.Int(pageSize, "pageSize", 20, 1, MaxPageSize));
        return parse.Ok ? (request, []) : (null, parse.Errors);
    }

    public static async Task<IResult> Endpoint(string? q, string? sector, string? level, string? agency, string? onlineLevel,
        string? page, string? pageSize, SearchProceduresHandler handler, CancellationToken ct)
    {
        var (request, errors) = Parse(q, sector, level, agency, onlineLevel, page, pageSize);
        return request is null ? Problems.Validation(errors) : TypedResults.Ok(await handler.HandleAsync(request, ct));
    }
}
