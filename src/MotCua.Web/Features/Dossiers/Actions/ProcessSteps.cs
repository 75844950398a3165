using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>
/// The internal process of the dossier's case (Decree 61/2018 art. 18–19): its steps, and moving
/// the dossier to one with the step's own due moment from its share of the time limit.
/// </summary>
public static class ProcessSteps
{
    public static async Task<IReadOnlyList<ProcessStep>> OfAsync(DossierActionContext c, CancellationToken ct)
    {
        var version = await c.Db.ProcedureVersions.AsNoTracking().SingleAsync(v => v.Id == c.Dossier.ProcedureVersionId, ct);
        return version.Definition.Cases.FirstOrDefault(x => x.Code == c.Dossier.CaseCode)?.Process.OrderBy(s => s.Order).ToArray() ?? [];
    }

    public static void MoveTo(DossierActionContext c, ProcessStep? step)
    {
        c.Dossier.CurrentStep = step?.Order;
        c.Dossier.StepDueAt = step is null ? c.Dossier.DueAt : DossierWorkflow.StepDue(c.Calendar, c.Dossier, step.Share, c.NowUtc);
    }
}
