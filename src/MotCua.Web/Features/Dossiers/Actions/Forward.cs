using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>Forward the received dossier to the competent agency, at the first processing step (Decree 61/2018 art. 18).</summary>
public static class Forward
{
    public static async Task RunAsync(DossierActionContext c, NoteRequest body, CancellationToken ct)
    {
        var d = c.Dossier;
        var steps = await ProcessSteps.OfAsync(c, ct);
        var first = steps.FirstOrDefault(s => s.Agency != "Receiving" && s.Role != ProcessRole.Reception) ?? (steps.Count > 0 ? steps[^1] : null);
        DossierWorkflow.Apply(c.Db, d, DossierAction.Forward, c.Actor, c.NowUtc, body.Note, toAgencyId: d.CompetentAgencyId);
        d.CurrentAgencyId = d.CompetentAgencyId;
        d.AssigneeId = null;
        ProcessSteps.MoveTo(c, first);
    }
}
