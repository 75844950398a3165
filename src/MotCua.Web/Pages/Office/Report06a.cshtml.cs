using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>Report 06a in the office: the same handler as GET /api/statistics/report-06a, with its exports.</summary>
public sealed class Report06aModel(Report06aHandler handler, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    public Report06aResponse? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (scope, error) = await ReportScopeInput.ParseAsync(db, From, To, Agency, ct);
        if (scope is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Report = await handler.HandleAsync(scope.From, scope.To, scope.AgencyId, null, null, null, ct);
    }

    /// <summary>The list behind a figure cell: same period and scope; a row adds its competent agency (rows are not subtrees).</summary>
    public string ListLink(Report06aRow row, Report06aFigure figure) =>
        Report06aDossiersModel.ListLink(Report!.From, Report.To, string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim(),
            string.IsNullOrEmpty(row.AgencyCode) ? null : row.AgencyCode, figure);

    public string ExportLink(string format) => "/api/statistics/report-06a" + QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From,
        ["to"] = To,
        ["agency"] = string.IsNullOrWhiteSpace(Agency) ? null : Agency,
        ["format"] = format,
    }.Where(kv => kv.Value is not null)).ToUriComponent();
}
