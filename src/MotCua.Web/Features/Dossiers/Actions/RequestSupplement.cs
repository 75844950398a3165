using System.Text.Json;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>
/// Ask for a supplement during appraisal (status 5): the clock pauses until an officer confirms the
/// supplement, and the request is counted (Decree 61/2018 art. 19.4; Form 02).
/// </summary>
public static class RequestSupplement
{
    public static Task RunAsync(DossierActionContext c, SupplementRequestBody body, CancellationToken ct)
    {
        var items = body.CleanItems();
        DossierActionContext.Check(items.Length is > 0 and <= 50, "items", "Liệt kê đầy đủ một lần các nội dung cần bổ sung (1–50 mục).");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.RequestSupplement, c.Actor, c.NowUtc, body.Reason);
        DossierWorkflow.PauseClock(d, c.NowUtc);
        d.SupplementState = SupplementState.AwaitingApplicant;
        d.SupplementCount++;
        c.Db.SupplementRequests.Add(new SupplementRequest
        {
            DossierId = d.Id,
            DuringProcessing = true,
            RequestedAt = c.NowUtc,
            RequestedById = c.Actor.UserId,
            ItemsJson = JsonSerializer.Serialize(items),
            Reason = body.Reason!.Trim(),
        });
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Hồ sơ {d.Code} cần bổ sung",
            $"Hồ sơ {d.Code} cần bổ sung: {string.Join("; ", items)}. Thời hạn giải quyết tạm dừng cho đến khi nhận đủ bổ sung (Mẫu 02).", d.Code);
        return Task.CompletedTask;
    }
}
