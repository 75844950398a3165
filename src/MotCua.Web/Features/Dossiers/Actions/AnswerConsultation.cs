using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record AnswerRequest(long? ConsultationId, string? Answer);

/// <summary>The consulted agency answers in the system; a late answer is marked as such (Decree 61/2018 art. 19.5).</summary>
public static class AnswerConsultation
{
    public static async Task RunAsync(DossierActionContext c, AnswerRequest body, CancellationToken ct)
    {
        var consultation = await c.Db.Consultations.SingleOrDefaultAsync(x => x.Id == body.ConsultationId && x.DossierId == c.Dossier.Id, ct);
        DossierActionContext.Check(consultation is not null, "consultationId", "Không có yêu cầu xin ý kiến này.");
        // The policy let the agency answer one of its consultations; this one must be addressed to it and still open.
        if (consultation!.AgencyId != c.Actor.AgencyId)
            throw new DossierForbiddenException("Bạn không có quyền thực hiện thao tác này với hồ sơ.");
        if (consultation.AnsweredAt is not null)
            throw new DossierRuleException("Yêu cầu xin ý kiến này đã được trả lời.");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Answer) && body.Answer.Length <= 4000, "answer", "Nhập ý kiến trả lời (tối đa 4000 ký tự).");
        var late = c.NowUtc > consultation.DueAt ? " (trả lời quá hạn)" : "";
        DossierWorkflow.Apply(c.Db, c.Dossier, DossierAction.AnswerConsultation, c.Actor, c.NowUtc, body.Answer + late);
        consultation.Answer = body.Answer!.Trim();
        consultation.AnsweredAt = c.NowUtc;
        consultation.AnsweredById = c.Actor.UserId;
    }
}
