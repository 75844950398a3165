using System.Globalization;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.DemoData;

/// <summary>Processing, decision and return actions (the same effects as Features/Dossiers/Actions/).</summary>
internal sealed partial class DemoLifecycle
{
    public bool Forward(DemoActor officer, DateTime at, string note)
    {
        if (!Apply(DossierAction.Forward, officer, at, note, toAgencyId: dossier.CompetentAgencyId))
            return false;
        dossier.CurrentAgencyId = dossier.CompetentAgencyId;
        dossier.AssigneeId = null;
        MoveTo(steps.FirstOrDefault(s => s.Agency != "Receiving" && s.Role != ProcessRole.Reception) ?? (steps.Count > 0 ? steps[^1] : null));
        return true;
    }

    public bool Assign(DemoActor head, DemoActor handler, DateTime at)
    {
        if (!Apply(DossierAction.Assign, head, at, $"Phân công {handler.Name}", toUserId: handler.Id))
            return false;
        dossier.AssigneeId = handler.Id;
        if (steps.FirstOrDefault(s => s.Role == ProcessRole.Handler && s.Order >= (dossier.CurrentStep ?? 0)) is { } handling)
            MoveTo(handling);
        return true;
    }

    /// <summary>The next step a transfer would move to (handler → leader → clerk), or null at the last one.</summary>
    public ProcessStep? NextStep => steps.FirstOrDefault(s => s.Order > (dossier.CurrentStep ?? 0) && s.Role is not (ProcessRole.Reception or ProcessRole.ReturnOfficer));

    public bool Transfer(DemoActor actor, DateTime at)
    {
        if (NextStep is not { } next || !Apply(DossierAction.Transfer, actor, at, $"Chuyển bước: {next.Name}"))
            return false;
        dossier.AssigneeId = next.Role == ProcessRole.Handler ? dossier.AssigneeId : null;
        MoveTo(next);
        return true;
    }

    public bool RequestPayment(DemoActor handler, DateTime at, long amountVnd)
    {
        var note = $"Nghĩa vụ tài chính {amountVnd.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đồng";
        if (!Apply(DossierAction.RequestPayment, handler, at, note))
            return false;
        DossierWorkflow.PauseClock(dossier, Last);
        dossier.PaymentState = PaymentState.Requested;
        dossier.FeeAmountVnd = amountVnd;
        return true;
    }

    public bool ConfirmPayment(DemoActor officer, DateTime at)
    {
        if (!Apply(DossierAction.ConfirmPayment, officer, at, "Đã xác nhận thanh toán"))
            return false;
        DossierWorkflow.ResumeClock(dossier, clock.Calendar, Last);
        dossier.PaymentState = PaymentState.Paid;
        return true;
    }

    /// <summary>Extension with apology, only where the real rule allows it (ExtensionRule).</summary>
    public bool Extend(DemoActor leader, DateTime at, DateTime newDueUtc, string reason)
    {
        if (dossier.DueAt is not { } due || at > clock.Now
            || ExtensionRule.Check(clock.Calendar, DossierWorkflow.Local(at < Last ? Last : at), DossierWorkflow.Local(due), DossierWorkflow.Local(newDueUtc), dossier.ExtensionCount).Count > 0)
            return false;
        if (!Apply(DossierAction.Extend, leader, at, reason))
            return false;
        dossier.OriginalDueAt = due;
        dossier.DueAt = newDueUtc;
        dossier.ExtensionCount++;
        return true;
    }

    public bool Approve(DemoActor leader, DateTime at, string resultNumber, string summary)
    {
        if (!Apply(DossierAction.Approve, leader, at, summary, toAgencyId: dossier.ReceivingAgencyId))
            return false;
        dossier.RecordResult(resultNumber, leader.Name, DateOnly.FromDateTime(DossierWorkflow.Local(Last)), summary, Last);
        return true;
    }

    /// <summary>Return by an officer (counter, post, online) or download by the owner (Actions/Return.cs, Actions/ReceiveOnline.cs).</summary>
    public bool Return(DemoActor actor, DateTime at, ReturnMethod method, string? receivedBy, bool byOwner)
    {
        var note = byOwner ? "Công dân nhận kết quả trực tuyến" : method switch
        {
            ReturnMethod.AtCounter => $"Trả kết quả tại quầy cho {receivedBy}",
            ReturnMethod.ByPost => $"Trả kết quả qua bưu chính, số hiệu {receivedBy}",
            _ => "Trả kết quả trực tuyến",
        };
        if (!Apply(DossierAction.Return, actor, at, note))
            return false;
        dossier.ReturnedAt = Last;
        dossier.ReturnMethod = method;
        dossier.ReturnedTo = byOwner ? dossier.ApplicantName : receivedBy;
        return true;
    }

    /// <summary>Satisfaction rating by the owner: not a transition, so no history row (Actions/Rate.cs).</summary>
    public bool Rate(DateTime at, int rating, string? comment)
    {
        if (Reach(at) is not { } t)
            return false;
        dossier.Rating = rating;
        dossier.RatingComment = comment;
        dossier.RatedAt = t;
        dossier.Version++;
        return true;
    }
}
