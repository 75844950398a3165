using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Text;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Catalog;

public sealed record SearchProceduresRequest(string? Q, string? Sector, ImplementingLevel? Level, string? Agency, OnlineLevel? OnlineLevel, int Page, int PageSize);
public sealed record ProcedureListItem(string Code, string Name, string SectorCode, string SectorName, IReadOnlyList<string> Levels, string OnlineLevel);
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>
/// Catalogue search over the versions in force today. Text search ignores case and diacritics
/// (both sides folded) and ranks the best match first; without text, names in alphabetical order.
/// </summary>
public sealed class SearchProceduresHandler(AppDbContext db, TimeProvider time)
{
    /// <summary>Upper bound of candidates ranked in memory; a province has about 2,000 procedures.</summary>
    public const int MaxCandidates = 10_000;
    public const int MaxPageSize = 100;

    public async Task<PagedList<ProcedureListItem>> HandleAsync(SearchProceduresRequest request, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var versions = db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo > today));
        if (!string.IsNullOrWhiteSpace(request.Sector))
            versions = versions.Where(v => v.SectorCode == request.Sector);
        if (request.Level is { } level)
        {
            var marker = "," + level + ",";
            versions = versions.Where(v => v.Levels.Contains(marker));
        }
        if (!string.IsNullOrWhiteSpace(request.Agency))
        {
            var offerings = db.ProcedureOfferings.Join(db.Agencies.Where(a => a.Code == request.Agency), o => o.AgencyId, a => a.Id, (o, a) => o);
            if (request.OnlineLevel is { } online)
                offerings = offerings.Where(o => o.OnlineLevel == online);
            versions = versions.Where(v => offerings.Any(o => o.ProcedureId == v.ProcedureId));
        }
        else if (request.OnlineLevel is { } online)
        {
            versions = versions.Where(v => v.OnlineLevel == online);
        }

        var rows = versions.Join(db.Procedures, v => v.ProcedureId, p => p.Id,
            (v, p) => new Row { Code = p.Code, Name = v.Name, NameFolded = v.NameFolded, SectorCode = v.SectorCode, Levels = v.Levels, OnlineLevel = v.OnlineLevel });
        var tokens = VietnameseText.Tokens(request.Q);
        var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Code).Take(1000).ToDictionaryAsync(s => s.Code, s => s.Name, ct);

        List<Row> page;
        int total;
        if (tokens.Count == 0)
        {
            total = await rows.CountAsync(ct);
            page = await rows.OrderBy(r => r.NameFolded).ThenBy(r => r.Code)
                .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct);
        }
        else
        {
            foreach (var token in tokens)
                rows = rows.Where(r => r.NameFolded.Contains(token) || r.Code.StartsWith(token));
            // Ordered before the cap, so which candidates are ranked does not depend on the database.
            var candidates = await rows.OrderBy(r => r.NameFolded).ThenBy(r => r.Code).Take(MaxCandidates).ToListAsync(ct);
            var folded = VietnameseText.Fold(request.Q);
            var ranked = candidates
                .Select(r => (Row: r, Score: SearchRanking.Score(folded, tokens, r.NameFolded, r.Code)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Row.NameFolded, StringComparer.Ordinal)
                .ToList();
            total = ranked.Count;
            page = ranked.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).Select(x => x.Row).ToList();
        }

        var items = page.Select(r => new ProcedureListItem(r.Code, r.Name, r.SectorCode,
                sectors.GetValueOrDefault(r.SectorCode, r.SectorCode),
                r.Levels.Split(',', StringSplitOptions.RemoveEmptyEntries), r.OnlineLevel.ToString()))
            .ToArray();
        return new PagedList<ProcedureListItem>(items, total, request.Page, request.PageSize);
    }

    /// <summary>A class with init members (not a positional record) so EF can filter on its members.</summary>
    private sealed class Row
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string NameFolded { get; init; }
        public required string SectorCode { get; init; }
        public required string Levels { get; init; }
        public OnlineLevel OnlineLevel { get; init; }
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
