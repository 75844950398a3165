using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// The DVCQG reconciliation in the office (docs/domain/decision-766.md#dvcqg-reconciliation): the figures per
/// competent agency of GET /api/statistics/dvcqg-reconciliation, each linking to the dossiers behind it
/// (GET …/dossiers), listed on the same page below the table, paged.
/// </summary>
public sealed class DvcqgReconciliationModel(DvcqgReconciliationHandler handler, DvcqgReconciliationListHandler lists, AppDbContext db, TimeProvider time)
    : ReportPageModel(db, time)
{
    public const string Path = "/office/bao-cao/doi-soat-dvcqg";
    public const int PageSize = 50;
    public static readonly DvcqgReconciliationFigure[] Columns = Enum.GetValues<DvcqgReconciliationFigure>();

    [BindProperty(SupportsGet = true)] public string? Figure { get; set; }
    [BindProperty(SupportsGet = true)] public string? CompetentAgency { get; set; }

    public DvcqgReconciliationResponse? Report { get; private set; }
    public DvcqgReconciliationList? List { get; private set; }
    public string? ListError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // By default the current month to date, the period DVCQG's monthly figures compare with.
        if (await ScopeAsync(today => new DateOnly(today.Year, today.Month, 1), ct) is not { } scope)
            return;
        Report = await handler.HandleAsync(scope.Period, scope.AgencyId, ct);
        if (string.IsNullOrWhiteSpace(Figure))
            return;
        // "page" is Razor Pages' own route value, so it is read from the query string itself.
        var (request, errors) = DvcqgReconciliationListRequest.Parse(From, To, Agency, CompetentAgency, Figure, Request.Query["page"], null, PageSize);
        if (request is null)
        {
            ListError = string.Join(" ", errors.Select(e => e.Message));
            return;
        }
        var result = await lists.HandleAsync(request, Audience, ct);
        List = result.List;
        ListError = result.List is not null ? null : result.UnknownAgency ? StatisticsRequest.UnknownAgency : StatisticsAudience.OutsideScope;
    }

    /// <summary>The list of one figure of a row (the total row has no competent agency); null where the reader may not list it.</summary>
    public string? ListLink(string? competentAgency, DvcqgReconciliationFigure figure, int page = 1) =>
        !Audience.MayList(Blank(Agency), competentAgency) ? null : Path + QueryString.Create(new Dictionary<string, string?>
        {
            ["from"] = From,
            ["to"] = To,
            ["agency"] = Blank(Agency),
            ["competentAgency"] = competentAgency,
            ["figure"] = DvcqgReconciliationHandler.Key(figure),
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null)).ToUriComponent() + "#danh-sach";

    public static int Value(DvcqgReconciliationFigures f, DvcqgReconciliationFigure figure) => figure switch
    {
        DvcqgReconciliationFigure.Received => f.Received,
        DvcqgReconciliationFigure.OnPortal => f.OnPortal,
        DvcqgReconciliationFigure.Synced => f.Synced,
        DvcqgReconciliationFigure.Pending => f.Pending,
        DvcqgReconciliationFigure.Failed => f.Failed,
        _ => f.NeverSynced,
    };

    public static string Percent(decimal? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.GetCultureInfo("vi-VN")) + "%" : "—";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
