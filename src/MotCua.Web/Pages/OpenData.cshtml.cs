using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages;

/// <summary>
/// The public open-data page: the same figures as GET /api/open-data/summary (the same handler),
/// in Vietnamese with simple SVG bars. Aggregates only — no dossier, no applicant.
/// </summary>
public sealed class OpenDataModel(OpenDataSummaryHandler handler) : PageModel
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public OpenDataSummaryResponse Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Summary = await handler.HandleAsync(ct);

    public static string Number(int n) => n.ToString("N0", Vietnamese);

    public static string Percent(double? p) => p is { } v ? v.ToString("0.#", Vietnamese) + "%" : "–";

    public static string Decimal(double? d) => d is { } v ? v.ToString("0.##", Vietnamese) : "–";

    /// <summary>A share as a percentage (0–100) for the width of an SVG bar; an invariant number, it goes into an attribute.</summary>
    public static string Width(double? percent) => Math.Clamp(percent ?? 0, 0, 100).ToString("0.##", CultureInfo.InvariantCulture);

    public static double? Share(int part, int whole) => IocHandler.Percent(part, whole);

    public static string Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
