using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record ApproveRequest(string? ResultNumber, string? Signer, DateOnly? ResultDate, string? Summary, long? ResultFileId);

/// <summary>The competent agency's result (status 9, the KPI end time); it goes back to the receiving agency for return (Decree 61/2018 art. 19–20).</summary>
public static class Approve
{
    public static async Task RunAsync(DossierActionContext c, ApproveRequest body, CancellationToken ct)
    {
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.ResultNumber) && body.ResultNumber.Length <= 100, "resultNumber", "Vui lòng nhập số, ký hiệu văn bản kết quả.");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Signer) && body.Signer.Length <= 200, "signer", "Vui lòng nhập người ký.");
        DossierActionContext.Check(body.ResultDate is not null, "resultDate", "Vui lòng nhập ngày ký (YYYY-MM-DD).");
        var d = c.Dossier;
        if (body.ResultFileId is { } fileId)
        {
            var file = await c.Db.DossierFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.OwnerAccountId == c.Actor.UserId && f.DossierId == null, ct);
            DossierActionContext.Check(file is not null, "resultFileId", "Tệp kết quả không tồn tại hoặc đã được dùng.");
            DossierActionContext.Check(FileScanRules.Unusable(file!) is null, "resultFileId", FileScanRules.Unusable(file!) ?? "");
            file!.DossierId = d.Id;
            file.Kind = DossierFileKind.Result;
        }
        DossierWorkflow.Apply(c.Db, d, DossierAction.Approve, c.Actor, c.NowUtc, body.Summary, toAgencyId: d.ReceivingAgencyId);
        d.RecordResult(body.ResultNumber!.Trim(), body.Signer!.Trim(), body.ResultDate!.Value, body.Summary, c.NowUtc);
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Hồ sơ {d.Code} đã có kết quả",
            $"Hồ sơ {d.Code} đã có kết quả ({d.ResultNumber}). Mời bạn nhận kết quả theo hình thức đã đăng ký.", d.Code);
    }
}
