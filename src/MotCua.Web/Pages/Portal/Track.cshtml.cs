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
    public bool Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
            return;
        Searched = true;
        var answer = await handler.HandleAsync(Code.Trim(), Check, ct);
        Result = answer.Found;
        Refused = answer.Refusal != TrackingRefusal.None;
        if (Result is null)
            Response.StatusCode = Refused ? StatusCodes.Status429TooManyRequests : StatusCodes.Status404NotFound;
    }
}
