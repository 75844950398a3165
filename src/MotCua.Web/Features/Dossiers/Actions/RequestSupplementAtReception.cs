using System.Text.Json;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>Ask the applicant once for the complete list of what is missing before reception (Decree 61/2018 art. 15, 17.2; Form 02).</summary>
public static class RequestSupplementAtReception
{
    public static Task RunAsync(DossierActionContext c, SupplementRequestBody body, CancellationToken ct)
    {
        var items = body.CleanItems();
        DossierActionContext.Check(items.Length is > 0 and <= 50, "items", "Liệt kê đầy đủ một lần các giấy tờ cần bổ sung (1–50 mục).");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.RequestSupplementAtReception, c.Actor, c.NowUtc, body.Reason);
        d.SupplementState = SupplementState.AwaitingApplicant;
        d.SupplementCount++;
        c.Db.SupplementRequests.Add(new SupplementRequest
        {
            DossierId = d.Id,
            RequestedAt = c.NowUtc,
            RequestedById = c.Actor.UserId,
            ItemsJson = JsonSerializer.Serialize(items),
            Reason = body.Reason!.Trim(),
        });
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, "Yêu cầu bổ sung hồ sơ",
            $"Hồ sơ \"{d.ProcedureName}\" cần bổ sung: {string.Join("; ", items)}. Vui lòng bổ sung trực tuyến (Mẫu 02).", d.Code);
        return Task.CompletedTask;
    }
}
