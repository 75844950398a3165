using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Catalog;

namespace MotCua.Web.Features.Dossiers;

public sealed record NoteRequest(string? Note);
public sealed record AssignRequest(long? UserId, string? Note);

/// <summary>
/// Processing along the procedure's internal process (Decree 61/2018 art. 18–19): forward to the
/// competent agency, assignment by the division head, hand-over to the next step, sending back one
/// step. Each step gets its own due moment from its share of the time limit.
/// </summary>
public static class ProcessingActions
{
    public static async Task Forward(DossierActionContext c, NoteRequest body)
    {
        c.Require(Permissions.DossierReceive, c.Dossier.ReceivingAgencyId);
        var d = c.Dossier;
        var steps = await StepsAsync(c);
        var first = steps.FirstOrDefault(s => s.Agency != "Receiving" && s.Role != ProcessRole.Reception) ?? (steps.Count > 0 ? steps[^1] : null);
        DossierWorkflow.Apply(c.Db, d, DossierAction.Forward, c.Actor, c.NowUtc, body.Note, toAgencyId: d.CompetentAgencyId);
        d.CurrentAgencyId = d.CompetentAgencyId;
        d.AssigneeId = null;
        MoveTo(c, first);
    }

    public static async Task Assign(DossierActionContext c, AssignRequest body)
    {
        c.Require(Permissions.DossierAssign, c.Dossier.CurrentAgencyId);
        var d = c.Dossier;
        var handler = await c.Db.UserAccounts.Include(u => u.Roles)
            .SingleOrDefaultAsync(u => u.Id == body.UserId && u.Active && u.Kind == AccountKind.Officer);
        DossierActionContext.Check(handler is not null && handler.Roles.Any(r => r.Role == OfficerRole.Handler && r.AgencyId == d.CurrentAgencyId),
            "userId", "Chọn một chuyên viên xử lý của cơ quan đang giữ hồ sơ.");
        var steps = await StepsAsync(c);
        var handling = steps.FirstOrDefault(s => s.Role == ProcessRole.Handler && s.Order >= (d.CurrentStep ?? 0));
        DossierWorkflow.Apply(c.Db, d, DossierAction.Assign, c.Actor, c.NowUtc, body.Note ?? $"Phân công {handler!.FullName}", toUserId: handler!.Id);
        d.AssigneeId = handler.Id;
        if (handling is not null)
            MoveTo(c, handling);
    }

    /// <summary>Hand the dossier to the next step of the process (e.g. handler → leader for approval).</summary>
    public static async Task Transfer(DossierActionContext c, NoteRequest body)
    {
        var d = c.Dossier;
        if (!(c.Actor.Can(Permissions.DossierProcess) || c.Actor.Can(Permissions.DossierAssign)) || c.Actor.AgencyId != d.CurrentAgencyId)
            throw new DossierForbiddenException("Bạn không có quyền chuyển bước xử lý hồ sơ này.");
        var steps = await StepsAsync(c);
        var next = steps.FirstOrDefault(s => s.Order > (d.CurrentStep ?? 0) && s.Role is not (ProcessRole.Reception or ProcessRole.ReturnOfficer));
        DossierActionContext.Check(next is not null, "step", "Hồ sơ đang ở bước cuối; hãy trình duyệt kết quả.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.Transfer, c.Actor, c.NowUtc, body.Note ?? $"Chuyển bước: {next!.Name}");
        d.AssigneeId = next!.Role == ProcessRole.Handler ? d.AssigneeId : null;
        MoveTo(c, next);
    }

    public static async Task SendBack(DossierActionContext c, NoteRequest body)
    {
        c.Require(Permissions.DossierProcess, c.Dossier.CurrentAgencyId);
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Note), "note", "Vui lòng nêu lý do trả lại.");
        var d = c.Dossier;
        var steps = await StepsAsync(c);
        var previous = steps.LastOrDefault(s => s.Order < (d.CurrentStep ?? 0) && s.Role != ProcessRole.Reception);
        DossierActionContext.Check(previous is not null, "step", "Không có bước trước để trả lại.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.SendBack, c.Actor, c.NowUtc, body.Note);
        MoveTo(c, previous!);
    }

    private static void MoveTo(DossierActionContext c, ProcessStep? step)
    {
        c.Dossier.CurrentStep = step?.Order;
        c.Dossier.StepDueAt = step is null ? c.Dossier.DueAt : DossierWorkflow.StepDue(c.Calendar, c.Dossier, step.Share, c.NowUtc);
    }

    public static async Task<IReadOnlyList<ProcessStep>> StepsAsync(DossierActionContext c)
    {
        var version = await c.Db.ProcedureVersions.AsNoTracking().SingleAsync(v => v.Id == c.Dossier.ProcedureVersionId);
        return version.Definition.Cases.FirstOrDefault(x => x.Code == c.Dossier.CaseCode)?.Process.OrderBy(s => s.Order).ToArray() ?? [];
    }
}
