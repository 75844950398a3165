using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Portal;

/// <summary>
/// The confirmation after an online submission: the dossier code in a panel, where it was sent,
/// what happens next and by when (the expected appointment, <see cref="SubmitDossierHandler.ExpectedDue"/>).
/// Only the owner sees it; another account's id is a 404.
/// </summary>
[Authorize]
public sealed class SubmittedModel(AppDbContext db, CalendarProvider calendars) : PageModel
{
    public Dossier? Dossier { get; private set; }
    public string ReceivingAgency { get; private set; } = "";
    public DateTime? ExpectedDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (DossierActor.From(User) is not { IsOfficer: false } actor)
            return NotFound();
        Dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.OwnerAccountId == actor.UserId && !d.IsDraft, ct);
        if (Dossier is null)
            return NotFound();
        ReceivingAgency = await db.Agencies.AsNoTracking().Where(a => a.Id == Dossier.ReceivingAgencyId).Select(a => a.Name).SingleAsync(ct);
        ExpectedDue = Dossier.DueAt ?? (Dossier.Status == DossierStatus.Submitted ? SubmitDossierHandler.ExpectedDue(await calendars.GetAsync(ct), Dossier) : null);
        return Page();
    }

    /// <summary>Only the last digits of a phone and the first letter and domain of an e-mail, as a reminder of where the code went.</summary>
    public static string Masked(string value) => value.Contains('@', StringComparison.Ordinal)
        ? value[..1] + "***" + value[value.IndexOf('@', StringComparison.Ordinal)..]
        : "******" + value[Math.Max(0, value.Length - 3)..];
}
