using MotCua.Core.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>
/// Accept an online dossier (Decree 61/2018 art. 17.2; Decree 118/2025 art. 17): the code, the
/// processing clock (the binding appointment), and Form 01 by e-mail. The code was issued at
/// submission (docs/domain/codes.md#sequences); a dossier submitted before that rule gets it here.
/// </summary>
public static class Accept
{
    public static async Task RunAsync(DossierActionContext c, CancellationToken ct)
    {
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Accept, c.Actor, c.NowUtc, "Tiếp nhận hồ sơ trực tuyến");
        var unit = await c.Db.Agencies.FindAsync([d.ReceivingAgencyId], ct) ?? throw new InvalidOperationException("Receiving agency missing.");
        // Online dossiers have had their code since submission; older ones get it now.
        d.Code ??= await DossierCodes.IssueAsync(c.Db, unit.Qcvn102Code, c.NowUtc, ct);
        d.ReceivedById = c.Actor.UserId;
        DossierWorkflow.StartClock(d, c.Calendar, c.NowUtc);
        d.SupplementState = SupplementState.None;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Hồ sơ {d.Code} đã được tiếp nhận",
            $"Hồ sơ \"{d.ProcedureName}\" đã được tiếp nhận với mã {d.Code}. Hẹn trả kết quả: {DossierWorkflow.DueText(d)}. Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01) gửi kèm.", d.Code,
            new FormAttachment(d.Code!, "01"));
    }
}
