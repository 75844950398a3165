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
        if (!DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
        {
            Error = "Vui lòng chọn kỳ báo cáo hợp lệ (ngày kết thúc sau ngày bắt đầu).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        long? agencyId = null;
        if (!string.IsNullOrWhiteSpace(Agency))
        {
            agencyId = await db.Agencies.AsNoTracking().Where(a => a.Code == Agency.Trim()).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            if (agencyId is null)
            {
                Error = "Không có cơ quan với mã này.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        Report = await handler.HandleAsync(from, to, agencyId, null, null, null, ct);
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
