using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Calendar;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

public sealed class OfficeIndexModel(TimeProvider time) : PageModel
{
    /// <summary>Officers with any dossier permission work from the queues (an applicant signed in here has none).</summary>
    public bool HandlesDossiers { get; private set; }
    /// <summary>The register (Form 07) is kept per calendar year, Vietnam time.</summary>
    public int Year { get; private set; }

    public void OnGet()
    {
        HandlesDossiers = DossierActor.From(User) is { IsOfficer: true } actor && actor.Permissions.Any(p => p.StartsWith("dossier.", StringComparison.Ordinal));
        Year = VietnamTime.Today(time).Year;
    }
}
