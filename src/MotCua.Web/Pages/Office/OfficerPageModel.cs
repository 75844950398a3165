using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// A page of the office face. Applicants can sign in through the same login, but they are not
/// officers: their dossiers are on the portal, so here they are refused before any handler runs.
/// </summary>
[Authorize]
public abstract class OfficerPageModel : PageModel
{
    public DossierActor Actor { get; private set; } = null!;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (DossierActor.From(User) is { IsOfficer: true } actor)
            Actor = actor;
        else
            context.Result = Forbid();
    }

    /// <summary>The value the officer posted, to fill a form again after an error (nothing is lost by a mistake).</summary>
    public string Posted(string name, string fallback = "") =>
        Filled.TryGetValue(name, out var filled) ? filled
        : Request.HasFormContentType && Request.Form.TryGetValue(name, out var value) ? value.ToString() : fallback;

    /// <summary>Values the page itself filled in on this post (e.g. from the population database), shown instead of what was posted.</summary>
    protected Dictionary<string, string> Filled { get; } = new(StringComparer.Ordinal);
}
