using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>Hand the dossier to the next step of the process (e.g. handler → leader for approval).</summary>
public static class Transfer
{
    public static async Task RunAsync(DossierActionContext c, NoteRequest body, CancellationToken ct)
    {
        var d = c.Dossier;
        var steps = await ProcessSteps.OfAsync(c, ct);
        var next = steps.FirstOrDefault(s => s.Order > (d.CurrentStep ?? 0) && s.Role is not (ProcessRole.Reception or ProcessRole.ReturnOfficer));
        DossierActionContext.Check(next is not null, "step", "Hồ sơ đang ở bước cuối; hãy trình duyệt kết quả.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.Transfer, c.Actor, c.NowUtc, body.Note ?? $"Chuyển bước: {next!.Name}");
        d.AssigneeId = next!.Role == ProcessRole.Handler ? d.AssigneeId : null;
        ProcessSteps.MoveTo(c, next);
    }
}
