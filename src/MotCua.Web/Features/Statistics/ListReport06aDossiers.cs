using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Statistics.Counters;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// Which dossiers to list: the parameters of Report 06a (Vietnam dates [from, to], agency with its
/// children, sector, procedure, channel), one figure, and optionally one competent agency alone
/// (a row of the report: rows are per competent agency, not per subtree).
/// </summary>
public sealed record Report06aDossiersRequest(ReportPeriod Period, string? Agency, string? CompetentAgency, string? Sector, string? Procedure,
    Channel? Channel, Report06aFigure Figure, int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    /// <summary>The same rules and messages as GET /api/statistics/report-06a, plus figure and paging.</summary>
    public static (Report06aDossiersRequest? Request, IReadOnlyList<FieldError> Errors) Parse(string? from, string? to, string? agency, string? competentAgency,
        string? sector, string? procedure, string? channel, string? figure, string? page, string? pageSize, int defaultPageSize = 50)
    {
        var q = new QueryParsing();
        var period = q.Period(from, to);
        var ch = q.Enum<Channel>(channel, "channel");
        var pageNumber = q.Int(page, "page", 1, 1, 100_000);
        var size = q.Int(pageSize, "pageSize", defaultPageSize, 1, MaxPageSize);
        var errors = q.Errors.ToList();
        // Exact names only (as the report's JSON spells them): Enum.TryParse would also take "1" or "a, b".
        var fig = Report06aFigurePredicates.Columns.Cast<Report06aFigure?>()
            .FirstOrDefault(c => string.Equals(Report06aDossiersHandler.Key(c!.Value), figure?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (fig is null)
            errors.Add(new FieldError("figure", $"Chỉ tiêu phải là một trong: {string.Join(", ", Report06aFigurePredicates.Columns.Select(Report06aDossiersHandler.Key))}."));
        if (errors.Count > 0 || period is not { } p)
            return (null, errors);
        return (new Report06aDossiersRequest(p, Blank(agency), Blank(competentAgency), Blank(sector), Blank(procedure), ch, fig!.Value, pageNumber, size), []);
    }

    // Values are matched as given, like the report's own endpoint, so the same parameters give the same figure.
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>One dossier behind a figure: what locates it and times it, never the applicant (statistics only).</summary>
public sealed record Report06aDossierItem(long Id, string? Code, string ProcedureCode, string ProcedureName, string CompetentAgencyCode, string CompetentAgencyName,
    Channel Channel, string Status, DateTime? ReceivedAt, DateTime? DueAt, DateTime? EndedAt, long? LateByMinutes);

/// <summary>A list, or why there is none: an agency code that does not exist, or agencies beyond the reader's <see cref="StatisticsAudience"/>.</summary>
public sealed record Report06aDossiersResult(Report06aDossiersResponse? List, bool UnknownAgency, bool OutsideAudience);

public sealed record Report06aDossiersResponse(string Figure, string FigureName, int Total, int Page, int PageSize, IReadOnlyList<Report06aDossierItem> Items);

/// <summary>
/// The dossiers behind one figure of Report 06a (docs/domain/statistics.md#drill-down): the report's scope filters and
/// <see cref="Report06aFigurePredicates"/>. The total is the figure it was opened from, read from the
/// same statistics counters as the report (<see cref="CounterQueries"/>): counting the dossiers of a
/// figure reads every dossier of the period, seconds at ten million. Newest reception first, then id
/// descending, always paged: every figure counts only dossiers received before the period's end, so
/// the page is read backwards along the reception index from that end (migration 0025). A reader without the province-wide permission lists
/// only within their own agency and its units (<see cref="StatisticsAudience"/>): a list of the whole
/// province or of another agency is refused whole (403), so that a list is never a silently smaller
/// part of the figure it was opened from.
/// </summary>
public sealed class Report06aDossiersHandler(AppDbContext db)
{
    public async Task<Report06aDossiersResult> HandleAsync(Report06aDossiersRequest r, StatisticsAudience audience, CancellationToken ct)
    {
        var end = r.Period.EndUtc;
        var (agencyFound, root) = await AgencyTree.FindAsync(db, r.Agency, ct);
        var (competentFound, only) = await AgencyTree.FindAsync(db, r.CompetentAgency, ct);
        if (!agencyFound || !competentFound)
            return new Report06aDossiersResult(null, UnknownAgency: true, OutsideAudience: false);
        // The audience holds every unit of its agencies, so a subtree is inside it when its root is (as StatisticsAudience.MayList).
        if (!audience.Covers(root) && !audience.Covers(only))
            return new Report06aDossiersResult(null, UnknownAgency: false, OutsideAudience: true);
        var subtree = root is { } agency ? await AgencyTree.SubtreeAsync(db, agency, ct) : null;
        var total = await TotalAsync(r, subtree, only, ct);
        var skip = (r.Page - 1) * r.PageSize;
        if (skip >= total)
            return Respond(r, total, []);
        var dossiers = db.Dossiers.AsNoTracking().Where(Report06aFigurePredicates.For(r.Figure, r.Period.StartUtc, end)).DecidedIn(subtree);
        if (only is { } competent)
            dossiers = dossiers.Where(d => d.CompetentAgencyId == competent);
        if (r.Procedure is { } procedure)
            dossiers = dossiers.Where(d => d.ProcedureCode == procedure);
        if (r.Sector is { } sector)
            dossiers = dossiers.Where(d => db.ProcedureVersions.Any(v => v.Id == d.ProcedureVersionId && v.SectorCode == sector));
        if (r.Channel is { } channel)
            dossiers = dossiers.Where(d => d.Channel == channel);

        var rows = await dossiers
            .Join(db.Agencies, d => d.CompetentAgencyId, a => a.Id, (d, a) => new
            {
                d.Id,
                d.Code,
                d.ProcedureCode,
                d.ProcedureName,
                AgencyCode = a.Code,
                AgencyName = a.Name,
                d.Channel,
                d.Status,
                d.ReceivedAt,
                d.DueAt,
                d.ProcessingEndedAt,
                d.EndedAt,
            })
            .OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id)
            .Skip(skip).Take(r.PageSize)
            .ToListAsync(ct);
        IReadOnlyList<Report06aDossierItem> items = rows
            .Select(d => (d, Fact: Report06aHandler.Fact(d.Channel, d.Status, Utc(d.ReceivedAt), Utc(d.DueAt), Utc(d.ProcessingEndedAt), Utc(d.EndedAt))))
            .Select(x => new Report06aDossierItem(x.d.Id, x.d.Code, x.d.ProcedureCode, x.d.ProcedureName, x.d.AgencyCode, x.d.AgencyName, x.d.Channel,
                DossierStateMachine.VietnameseName(x.d.Status), x.Fact.ReceivedAt, x.Fact.DueAt, x.Fact.End == EndKind.None ? null : x.Fact.EndedAt,
                LateByMinutes(x.Fact, end)))
            .ToArray();
        return Respond(r, total, items);
    }

    private static Report06aDossiersResult Respond(Report06aDossiersRequest r, int total, IReadOnlyList<Report06aDossierItem> items) =>
        new(new Report06aDossiersResponse(Key(r.Figure), Report06aFigurePredicates.Name(r.Figure), total, r.Page, r.PageSize, items), false, false);

    /// <summary>
    /// The figure as Report 06a computes it for the same scope (Report06aHandler: the counters of the
    /// agencies in scope, summed), for one competent agency when a row was asked for. The reconciliation
    /// tests prove the counters equal the dossiers, and the list tests that each list holds exactly them.
    /// </summary>
    private async Task<int> TotalAsync(Report06aDossiersRequest r, IReadOnlyCollection<long>? subtree, long? only, CancellationToken ct)
    {
        var counters = CounterQueries.Scope(db, subtree, r.Sector, r.Procedure, r.Channel);
        if (only is { } competent)
            counters = counters.Where(c => c.AgencyId == competent);
        var byAgency = await CounterQueries.Report06aAsync(counters, r.Period.From, r.Period.To, c => c.AgencyId, ct);
        return Report06aFigurePredicates.Value(byAgency.Values.Aggregate(Report06aFigures.Zero, (sum, f) => sum + f), r.Figure);
    }

    /// <summary>
    /// How late the report sees the dossier, in minutes at the report's minute precision
    /// (Report06a.Timeliness): solved late in the period — from the due minute to the end minute;
    /// still pending and overdue at the period's end — from the due minute to that end. Otherwise null.
    /// </summary>
    public static long? LateByMinutes(DossierFact f, DateTime periodEnd)
    {
        if (f.DueAt is not { } due)
            return null;
        var ended = f.End != EndKind.None ? f.EndedAt : null;
        if (ended is { } e && e < periodEnd)
            return f.End == EndKind.Solved && Report06a.Timeliness(e, due) > 0 ? Minutes(e) - Minutes(due) : null;
        return due < periodEnd ? Minutes(periodEnd) - Minutes(due) : null;
    }

    /// <summary>The figure as the API names it (camelCase, like the report's JSON).</summary>
    public static string Key(Report06aFigure figure) => JsonNamingPolicy.CamelCase.ConvertName(figure.ToString());

    private static long Minutes(DateTime t) => t.Ticks / TimeSpan.TicksPerMinute;

    // SQLite gives the stored UTC instants back without a kind; the API states them as UTC.
    private static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    public static async Task<IResult> Endpoint(string? from, string? to, string? agency, string? competentAgency, string? sector, string? procedure,
        string? channel, string? figure, string? page, string? pageSize, ClaimsPrincipal user, Report06aDossiersHandler handler, AppDbContext db, CancellationToken ct)
    {
        var (request, errors) = Report06aDossiersRequest.Parse(from, to, agency, competentAgency, sector, procedure, channel, figure, page, pageSize);
        if (request is null)
            return Problems.Validation(errors);
        var result = await handler.HandleAsync(request, await StatisticsAudience.OfAsync(db, user, ct), ct);
        return result switch
        {
            { List: { } list } => TypedResults.Ok(list),
            { UnknownAgency: true } => Problems.NotFound(StatisticsRequest.UnknownAgency),
            _ => Problems.Problem(StatusCodes.Status403Forbidden, "forbidden", "Không có quyền xem danh sách này", StatisticsAudience.OutsideScope),
        };
    }
}
