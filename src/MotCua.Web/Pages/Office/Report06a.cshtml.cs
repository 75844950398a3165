using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>Report 06a in the office: the same handler as GET /api/statistics/report-06a, with its exports.</summary>
public sealed class Report06aModel(Report06aHandler handler, AppDbContext db, TimeProvider time) : ReportPageModel(db, time)
{
    public Report06aResponse? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ScopeAsync(today => new DateOnly(today.Year, 1, 1), ct) is { } scope)
            Report = await handler.HandleAsync(scope.Period, scope.AgencyId, null, null, null, ct);
    }

    /// <summary>
    /// The list behind a figure cell: same period and scope; a row adds its competent agency (rows are
    /// not subtrees). Null where the reader may not open that list (<see cref="StatisticsAudience"/>).
    /// </summary>
    public string? ListLink(Report06aRow row, Report06aFigure figure)
    {
        var agency = string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim();
        var competent = string.IsNullOrEmpty(row.AgencyCode) ? null : row.AgencyCode;
        return Audience.MayList(agency, competent) ? Report06aDossiersModel.ListLink(Report!.From, Report.To, agency, competent, figure) : null;
    }

    public string ExportLink(string format) => "/api/statistics/report-06a" + QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From,
        ["to"] = To,
        ["agency"] = string.IsNullOrWhiteSpace(Agency) ? null : Agency,
        ["format"] = format,
    }.Where(kv => kv.Value is not null)).ToUriComponent();
}
