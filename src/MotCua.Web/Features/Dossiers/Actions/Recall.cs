using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>The competent agency takes its result back for correction before it is returned; processing resumes.</summary>
public static class Recall
{
    public static Task RunAsync(DossierActionContext c, ReasonRequest body, CancellationToken ct)
    {
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do thu hồi.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Recall, c.Actor, c.NowUtc, body.Reason, toAgencyId: d.CompetentAgencyId);
        d.ProcessingEndedAt = null;
        d.CurrentAgencyId = d.CompetentAgencyId;
        return Task.CompletedTask;
    }
}
