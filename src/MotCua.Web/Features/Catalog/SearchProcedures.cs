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
        var keep = Filter(catalog, request);
        var entries = catalog.Entries;
        var skip = (request.Page - 1) * request.PageSize;
        var tokens = VietnameseText.Tokens(request.Q);
        var page = new List<CatalogEntry>(request.PageSize);
        var total = 0;
        if (tokens.Count == 0)
        {
            foreach (var entry in entries)
            {
                if (keep is not null && !keep(entry))
                    continue;
                if (total++ >= skip && page.Count < request.PageSize)
                    page.Add(entry);
            }
        }
        else
        {
            // Only the entries every word matches (CatalogSearchIndex), in list order (folded name, then
            // code), so the cap keeps the same candidates as ever; ties in score keep list order.
            var query = new RankedQuery(VietnameseText.Fold(request.Q), tokens);
            var words = catalog.SearchIndex.Words;
            // One sortable key per match: score descending, then list position ascending.
            var ranked = new List<long>();
            var candidates = 0;
            foreach (var i in catalog.SearchIndex.MatchingAll(tokens))
            {
                var entry = entries[i];
                if (keep is not null && !keep(entry))
                    continue;
                if (candidates++ == MaxCandidates)
                    break;
                var score = SearchRanking.Score(query, words[i], entry.NameFolded, entry.Code);
                if (score > 0)
                    ranked.Add(((long)(int.MaxValue - score) << 32) | (uint)i);
            }
            ranked.Sort();
            total = ranked.Count;
            for (var k = skip; k < ranked.Count && page.Count < request.PageSize; k++)
                page.Add(entries[(int)(ranked[k] & uint.MaxValue)]);
        }

        var items = page.Select(r => new ProcedureListItem(r.Code, r.Name, r.SectorCode,
                catalog.SectorNames.GetValueOrDefault(r.SectorCode, r.SectorCode), r.LevelList, r.OnlineLevel.ToString()))
            .ToArray();
        return new PagedList<ProcedureListItem>(items, total, request.Page, request.PageSize);
    }

    /// <summary>The sector, level, agency and online-level filters as one test, or null when none is asked for.</summary>
    private static Func<CatalogEntry, bool>? Filter(CatalogSnapshot catalog, SearchProceduresRequest request)
    {
        var tests = new List<Func<CatalogEntry, bool>>();
        if (!string.IsNullOrWhiteSpace(request.Sector))
            tests.Add(v => v.SectorCode == request.Sector);
        if (request.Level is { } level)
        {
            var marker = "," + level + ",";
            tests.Add(v => v.Levels.Contains(marker, StringComparison.Ordinal));
        }
        if (!string.IsNullOrWhiteSpace(request.Agency))
        {
            var offered = catalog.OfferingsByAgency.GetValueOrDefault(request.Agency) ?? new Dictionary<long, OnlineLevel>();
            var online = request.OnlineLevel;
            tests.Add(v => offered.TryGetValue(v.ProcedureId, out var at) && (online is null || at == online));
        }
        else if (request.OnlineLevel is { } online)
        {
            tests.Add(v => v.OnlineLevel == online);
        }
        return tests.Count switch
        {
            0 => null,
            1 => tests[0],
            _ => v => tests.TrueForAll(t => t(v)),
        };
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
