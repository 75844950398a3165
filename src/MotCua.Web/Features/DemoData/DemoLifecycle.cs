using System.Text.Json;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.DemoData;

/// <summary>Who acts: a demo account (with its ID) or a named officer/applicant without an account.</summary>
internal sealed record DemoActor(long? Id, string Name);

/// <summary>
/// Replays one dossier's life with the same effects as the real actions (DossierWorkflow and the
/// action handlers: fields, clock, history rows, supplement requests) but in memory. An action
/// dated after "now" is not applied and ends the story, so the dossier stays in the state it had
/// reached: recent dossiers are open because their next step has simply not happened yet.
/// </summary>
internal sealed partial class DemoLifecycle(Dossier dossier, DemoClock clock, IReadOnlyList<ProcessStep> steps)
{
    public Dossier Dossier => dossier;
    public DemoClock Clock => clock;
    public List<DossierHistory> History { get; } = [];
    public List<SupplementRequest> Supplements { get; } = [];
    public DateTime Last { get; private set; }
    /// <summary>The story reached "now": no later action is applied.</summary>
    public bool Cut { get; private set; }

    private DateTime? Reach(DateTime at)
    {
        if (Cut || at > clock.Now)
        {
            Cut = true;
            return null;
        }
        // Whole seconds: PostgreSQL keeps microseconds, so equal instants (end = due) stay equal on both databases.
        at = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        Last = at < Last ? Last : at;
        return Last;
    }

    public bool SubmitOnline(DemoActor? owner, DateTime at)
    {
        if (Reach(at) is not { } t)
            return false;
        dossier.Status = DossierStatus.Submitted;
        dossier.SubmittedAt = t;
        dossier.CreatedAt = t;
        Created(owner, t, "Nộp hồ sơ trực tuyến");
        return true;
    }

    public bool ReceiveAtCounter(DemoActor officer, DateTime at)
    {
        if (Reach(at) is not { } t)
            return false;
        dossier.Status = DossierStatus.Accepted;
        dossier.SubmittedAt = t;
        dossier.CreatedAt = t;
        dossier.ReceivedById = officer.Id;
        DossierWorkflow.StartClock(dossier, clock.Calendar, t);
        dossier.StepDueAt = ReceiveAtCounterHandler.ForwardDeadline(clock.Calendar, t);
        Created(officer, t, dossier.Channel == Channel.Postal ? "Tiếp nhận hồ sơ qua bưu chính" : "Tiếp nhận hồ sơ trực tiếp");
        return true;
    }

    /// <summary>Online acceptance; the code is issued afterwards in reception order (DemoDossiers).</summary>
    public bool Accept(DemoActor officer, DateTime at)
    {
        if (!Apply(DossierAction.Accept, officer, at, "Tiếp nhận hồ sơ trực tuyến"))
            return false;
        dossier.ReceivedById = officer.Id;
        DossierWorkflow.StartClock(dossier, clock.Calendar, Last);
        dossier.SupplementState = SupplementState.None;
        return true;
    }

    public bool RequestSupplement(DemoActor officer, DateTime at, bool duringProcessing, string item, string reason)
    {
        var action = duringProcessing ? DossierAction.RequestSupplement : DossierAction.RequestSupplementAtReception;
        if (!Apply(action, officer, at, reason))
            return false;
        if (duringProcessing)
            DossierWorkflow.PauseClock(dossier, Last);
        dossier.SupplementState = SupplementState.AwaitingApplicant;
        dossier.SupplementCount++;
        Supplements.Add(new SupplementRequest
        {
            DuringProcessing = duringProcessing,
            RequestedAt = Last,
            RequestedById = officer.Id,
            ItemsJson = JsonSerializer.Serialize(new[] { item }),
            Reason = reason,
        });
        return true;
    }

    public bool SubmitSupplement(DemoActor? applicant, DateTime at, string note)
    {
        if (!Apply(DossierAction.SubmitSupplement, applicant, at, note))
            return false;
        var request = Supplements.Last(r => r.SubmittedAt is null);
        request.SubmittedAt = Last;
        request.ApplicantNote = note;
        dossier.SupplementState = SupplementState.SubmittedByApplicant;
        return true;
    }

    public bool ConfirmSupplement(DemoActor officer, DateTime at)
    {
        if (!Apply(DossierAction.ConfirmSupplement, officer, at, "Đã nhận đủ hồ sơ bổ sung"))
            return false;
        DossierWorkflow.ResumeClock(dossier, clock.Calendar, Last);
        dossier.SupplementState = SupplementState.None;
        foreach (var r in Supplements.Where(r => r.AcceptedAt is null))
            r.AcceptedAt = Last;
        return true;
    }

    public bool Refuse(DemoActor officer, DateTime at, string reason) =>
        End(DossierAction.Refuse, officer, at, reason, () => dossier.RefusalReason = reason);

    public bool Withdraw(DemoActor? actor, DateTime at, string reason) =>
        End(DossierAction.Withdraw, actor, at, reason, () => dossier.StopReason = reason);

    public bool Stop(DemoActor leader, DateTime at, string reason) =>
        End(DossierAction.Stop, leader, at, reason, () => dossier.StopReason = reason);

    private bool End(DossierAction action, DemoActor? actor, DateTime at, string reason, Action set)
    {
        if (!Apply(action, actor, at, reason))
            return false;
        set();
        dossier.EndedAt = Last;
        return true;
    }

    private void MoveTo(ProcessStep? step)
    {
        dossier.CurrentStep = step?.Order;
        dossier.StepDueAt = step is null ? dossier.DueAt : DossierWorkflow.StepDue(clock.Calendar, dossier, step.Share, Last);
    }

    /// <summary>DossierWorkflow.Created: the first row, by the submitting applicant or the receiving officer.</summary>
    private void Created(DemoActor? actor, DateTime at, string actionName) => History.Add(new DossierHistory
    {
        Dossier = dossier,
        At = at,
        ActorId = actor?.Id,
        ActorName = actor?.Name ?? dossier.ApplicantName,
        ActionName = actionName,
        ToStatus = dossier.Status,
        ToAgencyId = dossier.ReceivingAgencyId,
    });

    /// <summary>The same transition as the real actions (DossierWorkflow.Transition); an action the state machine refuses is a generator bug.</summary>
    private bool Apply(DossierAction action, DemoActor? actor, DateTime at, string? note, long? toAgencyId = null, long? toUserId = null)
    {
        if (DossierStateMachine.Next(dossier.Status, action) is null)
            throw new InvalidOperationException($"Demo dossier: {action} is not allowed from {dossier.Status}.");
        if (Reach(at) is not { } t)
            return false;
        History.Add(DossierWorkflow.Transition(dossier, action, actor?.Id, actor?.Name ?? "Hệ thống", t, note, toAgencyId, toUserId));
        return true;
    }
}
