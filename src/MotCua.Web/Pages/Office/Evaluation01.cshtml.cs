using System.Globalization;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>The Circular 01/2018 evaluation in the office: the same handler as GET /api/statistics/evaluation-01.</summary>
public sealed class Evaluation01Model(Evaluation01Handler handler, AppDbContext db, TimeProvider time) : ReportPageModel(db, time)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public Evaluation01Response? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The circular aggregates by quarter (art. 15): by default, the current quarter to date.
        if (await ScopeAsync(today => new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), ct, StatisticsRequest.EvaluationPeriodName) is { } scope)
            // Officers of the reader's agency and its units only, unless province-wide (StatisticsAudience).
            Report = await handler.HandleAsync(scope.Period, scope.AgencyId, Audience, ct);
    }

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.0", Vietnamese) : "—";
}
