using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Dvcqg;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Statistics;

/// <summary>One dossier behind a reconciliation figure: what locates it and its sync state, never the applicant.</summary>
public sealed record DvcqgReconciliationItem(long Id, string? Code, string ProcedureCode, string ProcedureName, string CompetentAgencyName,
    Channel Channel, string Status, DateTime? ReceivedAt, string SyncState, DateTime? SyncedAt, DateTime? LastAttemptAt, string? LastError);

public sealed record DvcqgReconciliationList(string Figure, string FigureName, int Total, int Page, int PageSize, IReadOnlyList<DvcqgReconciliationItem> Items);

public sealed record DvcqgReconciliationListRequest(ReportPeriod Period, string? Agency, string? CompetentAgency, DvcqgReconciliationFigure Figure, int Page, int PageSize)
{
    public static (DvcqgReconciliationListRequest? Request, IReadOnlyList<FieldError> Errors) Parse(string? from, string? to, string? agency, string? competentAgency,
        string? figure, string? page, string? pageSize, int defaultPageSize = 50)
    {
        var q = new QueryParsing();
        var period = q.Period(from, to);
        var pageNumber = q.Int(page, "page", 1, 1, 100_000);
        var size = q.Int(pageSize, "pageSize", defaultPageSize, 1, Report06aDossiersRequest.MaxPageSize);
        var errors = q.Errors.ToList();
        var fig = Enum.GetValues<DvcqgReconciliationFigure>().Cast<DvcqgReconciliationFigure?>()
            .FirstOrDefault(f => string.Equals(DvcqgReconciliationHandler.Key(f!.Value), figure?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (fig is null)
            errors.Add(new FieldError("figure", $"Chỉ tiêu phải là một trong: {string.Join(", ", Enum.GetValues<DvcqgReconciliationFigure>().Select(DvcqgReconciliationHandler.Key))}."));
        if (errors.Count > 0 || period is not { } p)
            return (null, errors);
        return (new DvcqgReconciliationListRequest(p, Blank(agency), Blank(competentAgency), fig!.Value, pageNumber, size), []);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record DvcqgReconciliationListResult(DvcqgReconciliationList? List, bool UnknownAgency, bool OutsideAudience);

/// <summary>
/// The dossiers behind one reconciliation figure, paged, ordered by reception then id, each linking
/// to the office dossier page. Like the Report 06a lists, a reader without the province-wide
/// statistics permission lists only within their own agency and its units (<see cref="StatisticsAudience"/>).
/// </summary>
public sealed class DvcqgReconciliationListHandler(AppDbContext db, DvcqgReconciliationHandler figures)
{
    public async Task<DvcqgReconciliationListResult> HandleAsync(DvcqgReconciliationListRequest r, StatisticsAudience audience, CancellationToken ct)
    {
        var (agencyFound, root) = await AgencyTree.FindAsync(db, r.Agency, ct);
        var (competentFound, only) = await AgencyTree.FindAsync(db, r.CompetentAgency, ct);
        if (!agencyFound || !competentFound)
            return new DvcqgReconciliationListResult(null, UnknownAgency: true, OutsideAudience: false);
        if (!audience.Covers(root) && !audience.Covers(only))
            return new DvcqgReconciliationListResult(null, UnknownAgency: false, OutsideAudience: true);
        var dossiers = (await figures.ReceivedAsync(r.Period, root, ct)).Where(figures.Matches(r.Figure));
        if (only is { } competent)
            dossiers = dossiers.Where(d => d.CompetentAgencyId == competent);

        var total = await dossiers.CountAsync(ct);
        var rows = await (from d in dossiers
                          join a in db.Agencies on d.CompetentAgencyId equals a.Id
                          join s in db.DossierSyncStates.Where(s => s.Target == DvcqgOptions.Target) on d.Id equals s.DossierId into states
                          from s in states.DefaultIfEmpty()
                          orderby d.ReceivedAt, d.Id
                          select new { d.Id, d.Code, d.ProcedureCode, d.ProcedureName, a.Name, d.Channel, d.Status, d.ReceivedAt, State = s })
            .Skip((r.Page - 1) * r.PageSize).Take(r.PageSize).ToListAsync(ct);
        var items = rows.Select(x => new DvcqgReconciliationItem(x.Id, x.Code, x.ProcedureCode, x.ProcedureName, x.Name, x.Channel,
                DossierStateMachine.VietnameseName(x.Status), Utc(x.ReceivedAt),
                DossierSyncState.VietnameseName(x.State?.State ?? SyncState.Never), Utc(x.State?.SyncedAt), Utc(x.State?.LastAttemptAt), x.State?.LastError))
            .ToList();
        return new DvcqgReconciliationListResult(new DvcqgReconciliationList(DvcqgReconciliationHandler.Key(r.Figure), DvcqgReconciliationHandler.Name(r.Figure),
            total, r.Page, r.PageSize, items), false, false);
    }

    // SQLite gives the stored UTC instants back without a kind; the API states them as UTC.
    private static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    /// <summary>GET /api/statistics/dvcqg-reconciliation: the figures per competent agency and in total.</summary>
    public static async Task<IResult> FiguresEndpoint(string? from, string? to, string? agency, DvcqgReconciliationHandler handler, AppDbContext db, CancellationToken ct)
    {
        var parsed = await StatisticsRequest.ScopeAsync(db, new QueryParsing(), from, to, agency, ct);
        if (parsed.Scope is not { } scope)
            return parsed.Problem();
        return TypedResults.Ok(await handler.HandleAsync(scope.Period, scope.AgencyId, ct));
    }

    /// <summary>GET /api/statistics/dvcqg-reconciliation/dossiers: the dossiers behind one figure.</summary>
    public static async Task<IResult> ListEndpoint(string? from, string? to, string? agency, string? competentAgency, string? figure, string? page, string? pageSize,
        ClaimsPrincipal user, DvcqgReconciliationListHandler handler, AppDbContext db, CancellationToken ct)
    {
        var (request, errors) = DvcqgReconciliationListRequest.Parse(from, to, agency, competentAgency, figure, page, pageSize);
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
