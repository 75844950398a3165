using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Dossiers;

public sealed record ConsultRequest(string? AgencyCode, string? Question, decimal? WorkingDays);
public sealed record AnswerRequest(long? ConsultationId, string? Answer);
public sealed record InterAgencyRequest(string? AgencyCode, string? Note);

/// <summary>
/// Working with other agencies (Decree 61/2018 art. 19.5–19.7): consult one with a deadline (the
/// dossier stays with the lead agency and the consulted agency answers in the system), or hand the
/// dossier to another agency of an inter-agency chain and have it handed back.
/// </summary>
public static class ConsultActions
{
    public static async Task Consult(DossierActionContext c, ConsultRequest body)
    {
        c.Require(Permissions.DossierProcess, c.Dossier.CurrentAgencyId);
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Question) && body.Question.Length <= 4000, "question", "Nêu nội dung cần xin ý kiến (tối đa 4000 ký tự).");
        DossierActionContext.Check(body.WorkingDays is > 0 and <= 30, "workingDays", "Thời hạn trả lời từ 0,5 đến 30 ngày làm việc.");
        var agency = await AgencyAsync(c, body.AgencyCode);
        DossierActionContext.Check(agency.Id != c.Dossier.CurrentAgencyId, "agencyCode", "Chọn một cơ quan khác cơ quan đang giữ hồ sơ.");
        var due = DossierWorkflow.ToUtc(c.Calendar.AddWorkingTime(DossierWorkflow.Local(c.NowUtc),
            TimeSpan.FromHours((double)body.WorkingDays!.Value * c.Calendar.Hours.DayLength.TotalHours)));
        DossierWorkflow.Apply(c.Db, c.Dossier, DossierAction.Consult, c.Actor, c.NowUtc, $"Xin ý kiến {agency.Name}: {body.Question}");
        c.Db.Consultations.Add(new Consultation
        {
            DossierId = c.Dossier.Id,
            AgencyId = agency.Id,
            Question = body.Question!.Trim(),
            RequestedAt = c.NowUtc,
            RequestedById = c.Actor.UserId,
            DueAt = due,
        });
    }

    public static async Task Answer(DossierActionContext c, AnswerRequest body)
    {
        var consultation = await c.Db.Consultations.SingleOrDefaultAsync(x => x.Id == body.ConsultationId && x.DossierId == c.Dossier.Id);
        DossierActionContext.Check(consultation is not null, "consultationId", "Không có yêu cầu xin ý kiến này.");
        c.Require(Permissions.DossierProcess, consultation!.AgencyId);
        if (consultation.AnsweredAt is not null)
            throw new DossierRuleException("Yêu cầu xin ý kiến này đã được trả lời.");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Answer) && body.Answer.Length <= 4000, "answer", "Nhập ý kiến trả lời (tối đa 4000 ký tự).");
        var late = c.NowUtc > consultation.DueAt ? " (trả lời quá hạn)" : "";
        DossierWorkflow.Apply(c.Db, c.Dossier, DossierAction.AnswerConsultation, c.Actor, c.NowUtc, body.Answer + late);
        consultation.Answer = body.Answer!.Trim();
        consultation.AnsweredAt = c.NowUtc;
        consultation.AnsweredById = c.Actor.UserId;
    }

    /// <summary>Hands the dossier to another agency of the chain, or back to the competent agency.</summary>
    public static async Task TransferToAgency(DossierActionContext c, InterAgencyRequest body)
    {
        var d = c.Dossier;
        if (!(c.Actor.Can(Permissions.DossierProcess) || c.Actor.Can(Permissions.DossierAssign)) || c.Actor.AgencyId != d.CurrentAgencyId)
            throw new DossierForbiddenException("Bạn không có quyền chuyển hồ sơ này sang cơ quan khác.");
        var agency = await AgencyAsync(c, body.AgencyCode);
        DossierActionContext.Check(agency.Id != d.CurrentAgencyId, "agencyCode", "Hồ sơ đang ở cơ quan này.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.Transfer, c.Actor, c.NowUtc, body.Note ?? $"Chuyển {agency.Name}", toAgencyId: agency.Id);
        d.CurrentAgencyId = agency.Id;
        d.AssigneeId = null;
    }

    private static async Task<Agency> AgencyAsync(DossierActionContext c, string? code)
    {
        var agency = await c.Db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code && (a.ValidTo == null || a.ValidTo > DateOnly.FromDateTime(c.NowUtc)));
        DossierActionContext.Check(agency is not null, "agencyCode", "Không có cơ quan với mã này.");
        return agency!;
    }
}
