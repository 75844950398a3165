using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>Send the dossier back one step of the process, with the reason.</summary>
public static class SendBack
{
    public static async Task RunAsync(DossierActionContext c, NoteRequest body, CancellationToken ct)
    {
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Note), "note", "Vui lòng nêu lý do trả lại.");
        var d = c.Dossier;
        var steps = await ProcessSteps.OfAsync(c, ct);
        var previous = steps.LastOrDefault(s => s.Order < (d.CurrentStep ?? 0) && s.Role != ProcessRole.Reception);
        DossierActionContext.Check(previous is not null, "step", "Không có bước trước để trả lại.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.SendBack, c.Actor, c.NowUtc, body.Note);
        ProcessSteps.MoveTo(c, previous!);
    }
}
