using MotCua.Core.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>The competent agency stops processing, with the reason (status 8; Form 05 of Circular 03/2025).</summary>
public static class Stop
{
    public static Task RunAsync(DossierActionContext c, ReasonRequest body, CancellationToken ct)
    {
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do dừng xử lý.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Stop, c.Actor, c.NowUtc, body.Reason);
        d.StopReason = body.Reason!.Trim();
        d.EndedAt = c.NowUtc;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Thông báo dừng giải quyết hồ sơ {d.Code}",
            $"Hồ sơ {d.Code} được dừng giải quyết. Lý do: {d.StopReason} (Mẫu 05).", d.Code);
        return Task.CompletedTask;
    }
}
