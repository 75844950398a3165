using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Portal;

/// <summary>Public tracking page: the same handler and the same rate limit as GET /api/tracking/{code}.</summary>
[EnableRateLimiting(TrackDossierHandler.RateLimitPolicy)]
public sealed class TrackModel(TrackDossierHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ma")] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "kiemtra")] public string? Check { get; set; }
    public TrackingResponse? Result { get; private set; }
    public bool Searched { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
            return;
        Searched = true;
        Result = await handler.HandleAsync(Code.Trim(), Check, ct);
        if (Result is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
