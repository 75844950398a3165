using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record ExtendRequest(DateTimeOffset? NewDue, string? Reason);

/// <summary>The one apology and extension: asked a working day before the due moment, to a later one (Decree 61/2018 art. 19.9; Form 04).</summary>
public static class Extend
{
    public static Task RunAsync(DossierActionContext c, ExtendRequest body, CancellationToken ct)
    {
        var d = c.Dossier;
        DossierActionContext.Check(body.NewDue is not null, "newDue", "Vui lòng nhập thời hạn mới (ISO-8601 có múi giờ).");
        // A date near the end of the calendar would overflow the conversion to Vietnam time: a 400, never a 500.
        DossierActionContext.Check(body.NewDue!.Value.Year is >= 2000 and <= 2100, "newDue", "Thời hạn mới không hợp lệ.");
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do chậm.");
        var due = d.DueAt!.Value; // the policy refuses a dossier without a due moment
        var newDue = body.NewDue!.Value.UtcDateTime;
        var problems = ExtensionRule.Check(c.Calendar, DossierWorkflow.Local(c.NowUtc), DossierWorkflow.Local(due), DossierWorkflow.Local(newDue), d.ExtensionCount);
        if (problems.Count > 0)
            throw new DossierValidationException(problems.Select(p => new FieldError("newDue", p)).ToArray());
        DossierWorkflow.Apply(c.Db, d, DossierAction.Extend, c.Actor, c.NowUtc, body.Reason);
        d.OriginalDueAt = due;
        d.DueAt = newDue;
        d.ExtensionCount++;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {d.Code}",
            $"Hồ sơ {d.Code} chưa giải quyết kịp thời hạn. Lý do: {body.Reason}. Thời hạn mới: {DossierWorkflow.DueText(d)}. Chúng tôi thành thật xin lỗi (Mẫu 04).", d.Code);
        return Task.CompletedTask;
    }
}
