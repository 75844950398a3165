using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>The Circular 01/2018 evaluation in the office: the same handler as GET /api/statistics/evaluation-01.</summary>
public sealed class Evaluation01Model(Evaluation01Handler handler, AppDbContext db, TimeProvider time) : PageModel
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    public Evaluation01Response? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The circular aggregates by quarter (art. 15): by default, the current quarter to date.
        var today = VietnamTime.Today(time);
        From ??= new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (scope, error) = await ReportScopeInput.ParseAsync(db, From, To, Agency, ct, "kỳ đánh giá");
        if (scope is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Report = await handler.HandleAsync(scope.From, scope.To, scope.AgencyId, ct);
    }

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.0", Vietnamese) : "—";
}
