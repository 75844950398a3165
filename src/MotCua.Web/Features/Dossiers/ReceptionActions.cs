using System.Text.Json;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers;

public sealed record ReasonRequest(string? Reason);
public sealed record SupplementRequestBody(IReadOnlyList<string>? Items, string? Reason);
public sealed record SupplementSubmission(string? Note, IReadOnlyList<DocumentRef>? Documents);

/// <summary>
/// Reception of online dossiers (Decree 61/2018 art. 17.2; Decree 118/2025 art. 17): accept (code,
/// clock, Form 01 by e-mail), ask for a supplement once with the complete list (Form 02), or refuse
/// with reasons (Form 03). The applicant answers a supplement online.
/// </summary>
public static class ReceptionActions
{
    public static async Task Accept(DossierActionContext c)
    {
        c.Require(Permissions.DossierReceive, c.Dossier.ReceivingAgencyId);
        var d = c.Dossier;
        if (d.SupplementState == SupplementState.AwaitingApplicant)
            throw new DossierRuleException("Hồ sơ đang chờ công dân bổ sung.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.Accept, c.Actor, c.NowUtc, "Tiếp nhận hồ sơ trực tuyến");
        await IssueCodeAndStartClock(c);
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Hồ sơ {d.Code} đã được tiếp nhận",
            $"Hồ sơ \"{d.ProcedureName}\" đã được tiếp nhận với mã {d.Code}. Hẹn trả kết quả: {Due(d)}. Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01) gửi kèm.", d.Code,
            new FormAttachment(d.Code!, "01"));
    }

    public static async Task IssueCodeAndStartClock(DossierActionContext c)
    {
        var d = c.Dossier;
        var unit = await c.Db.Agencies.FindAsync(d.ReceivingAgencyId) ?? throw new InvalidOperationException("Receiving agency missing.");
        d.Code = await DossierCodes.IssueAsync(c.Db, unit.Qcvn102Code, c.NowUtc, CancellationToken.None);
        d.ReceivedById = c.Actor.UserId;
        DossierWorkflow.StartClock(d, c.Calendar, c.NowUtc);
        d.SupplementState = SupplementState.None;
    }

    public static Task RequestSupplement(DossierActionContext c, SupplementRequestBody body)
    {
        c.Require(Permissions.DossierReceive, c.Dossier.ReceivingAgencyId);
        var items = (body.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToArray();
        DossierActionContext.Check(items.Length is > 0 and <= 50, "items", "Liệt kê đầy đủ một lần các giấy tờ cần bổ sung (1–50 mục).");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do.");
        var d = c.Dossier;
        if (d.SupplementState == SupplementState.AwaitingApplicant)
            throw new DossierRuleException("Đã có yêu cầu bổ sung chưa được trả lời.");
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

    public static Task Refuse(DossierActionContext c, ReasonRequest body)
    {
        c.Require(Permissions.DossierReceive, c.Dossier.ReceivingAgencyId);
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu rõ lý do từ chối.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Refuse, c.Actor, c.NowUtc, body.Reason);
        d.RefusalReason = body.Reason!.Trim();
        d.EndedAt = c.NowUtc;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, "Hồ sơ không được tiếp nhận",
            $"Hồ sơ \"{d.ProcedureName}\" không được tiếp nhận. Lý do: {d.RefusalReason} (Mẫu 03).", d.Code);
        return Task.CompletedTask;
    }

    /// <summary>The applicant answers a supplement request (at reception: status stays 1; during processing: stays 5 until confirmed).</summary>
    public static async Task SubmitSupplement(DossierActionContext c, SupplementSubmission body)
    {
        c.RequireOwner();
        var d = c.Dossier;
        if (d.SupplementState != SupplementState.AwaitingApplicant)
            throw new DossierRuleException("Hồ sơ không có yêu cầu bổ sung đang chờ.");
        var request = c.Db.SupplementRequests.Where(r => r.DossierId == d.Id && r.SubmittedAt == null).OrderByDescending(r => r.Id).FirstOrDefault()
            ?? throw new DossierRuleException("Không tìm thấy yêu cầu bổ sung.");
        var documents = body.Documents ?? [];
        DossierActionContext.Check(documents.Count > 0 || !string.IsNullOrWhiteSpace(body.Note), "documents", "Vui lòng đính kèm giấy tờ bổ sung hoặc ghi chú.");
        var ids = documents.Select(x => x.FileId).ToArray();
        var files = c.Db.DossierFiles.Where(f => ids.Contains(f.Id) && f.OwnerAccountId == c.Actor.UserId && f.DossierId == null).ToList();
        DossierActionContext.Check(files.Count == ids.Distinct().Count(), "documents", "Tệp không tồn tại hoặc đã được dùng.");
        foreach (var f in files)
            DossierActionContext.Check(FileScanRules.Unusable(f) is null, "documents", FileScanRules.Unusable(f) ?? "");
        foreach (var f in files)
        {
            f.DossierId = d.Id;
            f.Kind = DossierFileKind.Supplement;
            f.DocumentIndex = documents.First(x => x.FileId == f.Id).Index;
        }
        DossierWorkflow.Apply(c.Db, d, DossierAction.SubmitSupplement, c.Actor, c.NowUtc, body.Note);
        request.SubmittedAt = c.NowUtc;
        request.ApplicantNote = body.Note;
        d.SupplementState = SupplementState.SubmittedByApplicant;
        await Task.CompletedTask;
    }

    public static string Due(Dossier d) => d.DueAt is { } due
        ? DossierWorkflow.Local(due).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : "không có ngày hẹn";
}
