using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record ConsultRequest(string? AgencyCode, string? Question, decimal? WorkingDays);

/// <summary>
/// Ask another agency for an opinion with a deadline (Decree 61/2018 art. 19.5): the dossier stays
/// with the lead agency and the consulted agency answers in the system.
/// </summary>
public static class Consult
{
    public static async Task RunAsync(DossierActionContext c, ConsultRequest body, CancellationToken ct)
    {
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Question) && body.Question.Length <= 4000, "question", "Nêu nội dung cần xin ý kiến (tối đa 4000 ký tự).");
        DossierActionContext.Check(body.WorkingDays is > 0 and <= 30, "workingDays", "Thời hạn trả lời từ 0,5 đến 30 ngày làm việc.");
        var agency = await OtherAgency.FindAsync(c, body.AgencyCode, ct);
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
}
