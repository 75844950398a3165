using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Calendar;
using MotCua.Web.Features.Integrations.Population;

namespace MotCua.Web.Pages.Office;

/// <summary>The monthly report of population-database lookups (docs/integrations/lgsp-population.md#report): the same handler as GET /api/integrations/population/report.</summary>
public sealed class PopulationLookupsModel(PopulationReportHandler handler, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    public PopulationReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Month ??= VietnamTime.Today(time).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!PopulationReportHandler.TryParseMonth(Month, out var month))
        {
            Error = "Tháng báo cáo theo dạng yyyy-MM (ví dụ 2026-03).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Report = await handler.HandleAsync(month, ct);
    }
}
