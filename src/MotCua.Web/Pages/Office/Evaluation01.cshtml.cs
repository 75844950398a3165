using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;
using MotCua.Web.Infrastructure.Http;

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
        From ??= IsoDate.Format(new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1));
        To ??= IsoDate.Format(today);
        var parsed = await StatisticsRequest.ScopeAsync(db, new QueryParsing(), From, To, Agency, ct, StatisticsRequest.EvaluationPeriodName);
        if (parsed.Scope is not { } scope)
        {
            Error = parsed.Message();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // Officers of the reader's agency and its units only, unless province-wide (StatisticsAudience).
        Report = await handler.HandleAsync(scope.Period, scope.AgencyId, await StatisticsAudience.OfAsync(db, User, ct), ct);
    }

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.0", Vietnamese) : "—";
}
