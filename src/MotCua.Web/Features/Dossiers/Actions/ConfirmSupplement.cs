using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>The supplement is complete: processing resumes and the clock runs again (Decree 61/2018 art. 19.4).</summary>
public static class ConfirmSupplement
{
    public static async Task RunAsync(DossierActionContext c, NoteRequest body, CancellationToken ct)
    {
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.ConfirmSupplement, c.Actor, c.NowUtc, body.Note);
        DossierWorkflow.ResumeClock(d, c.Calendar, c.NowUtc);
        d.SupplementState = SupplementState.None;
        var open = await c.Db.SupplementRequests.Where(r => r.DossierId == d.Id && r.AcceptedAt == null).ToListAsync(ct);
        foreach (var r in open)
            r.AcceptedAt = c.NowUtc;
    }
}
