using System.Text.Json;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers;

public sealed record ApproveRequest(string? ResultNumber, string? Signer, DateOnly? ResultDate, string? Summary, long? ResultFileId);
public sealed record ExtendRequest(DateTimeOffset? NewDue, string? Reason);
public sealed record PaymentRequestBody(long? AmountVnd, string? Note);

/// <summary>
/// Decisions during processing: supplement during appraisal (status 5, clock paused, counted),
/// financial obligation (status 6), result (status 9, the KPI end time), recall, stop (status 8),
/// withdrawal at the applicant's request (status 7), and the one apology-and-extension
/// (Decree 61/2018 art. 19.4, 19.9; Circular 03/2025 art. 7; DOMAIN A.6).
/// </summary>
public static class DecisionActions
{
    public static Task RequestSupplement(DossierActionContext c, SupplementRequestBody body)
    {
        c.Require(Permissions.DossierProcess, c.Dossier.CurrentAgencyId);
        var items = (body.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToArray();
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

    public static Task ConfirmSupplement(DossierActionContext c, NoteRequest body)
    {
        var d = c.Dossier;
        if (!(c.Actor.Can(Permissions.DossierReceive) || c.Actor.Can(Permissions.DossierProcess))
            || (c.Actor.AgencyId != d.ReceivingAgencyId && c.Actor.AgencyId != d.CurrentAgencyId))
            throw new DossierForbiddenException("Bạn không có quyền xác nhận bổ sung của hồ sơ này.");
        if (d.SupplementState != SupplementState.SubmittedByApplicant)
            throw new DossierRuleException("Công dân chưa nộp bổ sung.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.ConfirmSupplement, c.Actor, c.NowUtc, body.Note);
        DossierWorkflow.ResumeClock(d, c.Calendar, c.NowUtc);
        d.SupplementState = SupplementState.None;
        var open = c.Db.SupplementRequests.Where(r => r.DossierId == d.Id && r.AcceptedAt == null).ToList();
        foreach (var r in open)
            r.AcceptedAt = c.NowUtc;
        return Task.CompletedTask;
    }

    public static Task RequestPayment(DossierActionContext c, PaymentRequestBody body)
    {
        c.Require(Permissions.DossierProcess, c.Dossier.CurrentAgencyId);
        DossierActionContext.Check(body.AmountVnd is > 0 and < 100_000_000_000, "amountVnd", "Số tiền phải lớn hơn 0 (đồng).");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.RequestPayment, c.Actor, c.NowUtc, body.Note ?? $"Nghĩa vụ tài chính {body.AmountVnd:N0} đồng");
        DossierWorkflow.PauseClock(d, c.NowUtc);
        d.PaymentState = PaymentState.Requested;
        d.FeeAmountVnd = body.AmountVnd!.Value;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Hồ sơ {d.Code}: nghĩa vụ tài chính",
            $"Hồ sơ {d.Code} cần nộp {d.FeeAmountVnd:N0} đồng để tiếp tục giải quyết.", d.Code);
        return Task.CompletedTask;
    }

    /// <summary>Manual confirmation for now (the payment platform comes later).</summary>
    public static Task ConfirmPayment(DossierActionContext c, NoteRequest body)
    {
        var d = c.Dossier;
        if (!(c.Actor.Can(Permissions.DossierReceive) || c.Actor.Can(Permissions.DossierProcess))
            || (c.Actor.AgencyId != d.ReceivingAgencyId && c.Actor.AgencyId != d.CurrentAgencyId))
            throw new DossierForbiddenException("Bạn không có quyền xác nhận thanh toán của hồ sơ này.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.ConfirmPayment, c.Actor, c.NowUtc, body.Note ?? "Đã xác nhận thanh toán");
        DossierWorkflow.ResumeClock(d, c.Calendar, c.NowUtc);
        d.PaymentState = PaymentState.Paid;
        return Task.CompletedTask;
    }

    public static Task Approve(DossierActionContext c, ApproveRequest body)
    {
        c.Require(Permissions.DossierApprove, c.Dossier.CompetentAgencyId);
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.ResultNumber) && body.ResultNumber.Length <= 100, "resultNumber", "Vui lòng nhập số, ký hiệu văn bản kết quả.");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Signer) && body.Signer.Length <= 200, "signer", "Vui lòng nhập người ký.");
        DossierActionContext.Check(body.ResultDate is not null, "resultDate", "Vui lòng nhập ngày ký (YYYY-MM-DD).");
        var d = c.Dossier;
        if (body.ResultFileId is { } fileId)
        {
            var file = c.Db.DossierFiles.SingleOrDefault(f => f.Id == fileId && f.OwnerAccountId == c.Actor.UserId && f.DossierId == null);
            DossierActionContext.Check(file is not null, "resultFileId", "Tệp kết quả không tồn tại hoặc đã được dùng.");
            file!.DossierId = d.Id;
            file.Kind = DossierFileKind.Result;
        }
        DossierWorkflow.Apply(c.Db, d, DossierAction.Approve, c.Actor, c.NowUtc, body.Summary, toAgencyId: d.ReceivingAgencyId);
        d.ResultNumber = body.ResultNumber!.Trim();
        d.ResultSigner = body.Signer!.Trim();
        d.ResultDate = body.ResultDate;
        d.ResultSummary = body.Summary;
        d.ProcessingEndedAt = c.NowUtc;
        d.CurrentAgencyId = d.ReceivingAgencyId;
        d.AssigneeId = null;
        d.CurrentStep = null;
        d.StepDueAt = null;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Hồ sơ {d.Code} đã có kết quả",
            $"Hồ sơ {d.Code} đã có kết quả ({d.ResultNumber}). Mời bạn nhận kết quả theo hình thức đã đăng ký.", d.Code);
        return Task.CompletedTask;
    }

    public static Task Recall(DossierActionContext c, ReasonRequest body)
    {
        c.Require(Permissions.DossierApprove, c.Dossier.CompetentAgencyId);
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do thu hồi.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Recall, c.Actor, c.NowUtc, body.Reason, toAgencyId: d.CompetentAgencyId);
        d.ProcessingEndedAt = null;
        d.CurrentAgencyId = d.CompetentAgencyId;
        return Task.CompletedTask;
    }

    public static Task Stop(DossierActionContext c, ReasonRequest body)
    {
        c.Require(Permissions.DossierApprove, c.Dossier.CompetentAgencyId);
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do dừng xử lý.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Stop, c.Actor, c.NowUtc, body.Reason);
        d.StopReason = body.Reason!.Trim();
        d.EndedAt = c.NowUtc;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Thông báo dừng giải quyết hồ sơ {d.Code}",
            $"Hồ sơ {d.Code} được dừng giải quyết. Lý do: {d.StopReason} (Mẫu 05).", d.Code);
        return Task.CompletedTask;
    }

    /// <summary>Withdrawal at the applicant's request, before a decision (Circular 03/2025 art. 7).</summary>
    public static Task Withdraw(DossierActionContext c, ReasonRequest body)
    {
        var d = c.Dossier;
        if (c.Actor.IsOfficer)
            c.Require(Permissions.DossierReceive, d.ReceivingAgencyId);
        else
            c.RequireOwner();
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do rút hồ sơ.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.Withdraw, c.Actor, c.NowUtc, body.Reason);
        d.StopReason = body.Reason!.Trim();
        d.EndedAt = c.NowUtc;
        return Task.CompletedTask;
    }

    public static Task Extend(DossierActionContext c, ExtendRequest body)
    {
        c.Require(Permissions.DossierApprove, c.Dossier.CompetentAgencyId);
        var d = c.Dossier;
        DossierActionContext.Check(body.NewDue is not null, "newDue", "Vui lòng nhập thời hạn mới (ISO-8601 có múi giờ).");
        DossierActionContext.Check(body.NewDue is null || body.NewDue.Value.Year is >= 2000 and <= 2100, "newDue", "Thời hạn mới không hợp lệ.");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do chậm.");
        if (d.DueAt is not { } due)
            throw new DossierRuleException("Hồ sơ không có ngày hẹn trả.");
        var newDue = body.NewDue!.Value.UtcDateTime;
        var problems = ExtensionRule.Check(c.Calendar, DossierWorkflow.Local(c.NowUtc), DossierWorkflow.Local(due), DossierWorkflow.Local(newDue), d.ExtensionCount);
        if (problems.Count > 0)
            throw new DossierValidationException(problems.Select(p => new MotCua.Core.Catalog.FieldError("newDue", p)).ToArray());
        DossierWorkflow.Apply(c.Db, d, DossierAction.Extend, c.Actor, c.NowUtc, body.Reason);
        d.OriginalDueAt = due;
        d.DueAt = newDue;
        d.ExtensionCount++;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {d.Code}",
            $"Hồ sơ {d.Code} chưa giải quyết kịp thời hạn. Lý do: {body.Reason}. Thời hạn mới: {ReceptionActions.Due(d)}. Chúng tôi thành thật xin lỗi (Mẫu 04).", d.Code);
        return Task.CompletedTask;
    }
}
