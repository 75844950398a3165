using MotCua.Core.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>Refuse to receive the dossier, with reasons (Decree 61/2018 art. 17; Form 03).</summary>
public static class Refuse
{
    public static Task RunAsync(DossierActionContext c, ReasonRequest body, CancellationToken ct)
    {
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu rõ lý do từ chối.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Refuse, c.Actor, c.NowUtc, body.Reason);
        d.RefusalReason = body.Reason!.Trim();
        d.EndedAt = c.NowUtc;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, "Hồ sơ không được tiếp nhận",
            $"Hồ sơ \"{d.ProcedureName}\" không được tiếp nhận. Lý do: {d.RefusalReason} (Mẫu 03).", d.Code);
        return Task.CompletedTask;
    }
}
