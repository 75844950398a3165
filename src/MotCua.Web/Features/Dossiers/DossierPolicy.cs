using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The agencies asked for an opinion on a dossier (Decree 61/2018 art. 19.5): all of them, and those that have not answered yet.</summary>
public sealed record ConsultedAgencies(IReadOnlySet<long> All, IReadOnlySet<long> Unanswered)
{
    public static readonly ConsultedAgencies None = new(new HashSet<long>(), new HashSet<long>());
}

/// <summary>The policy's answer: allowed (<see cref="OutcomeKind.Ok"/>), or refused with the outcome and a Vietnamese reason.</summary>
public sealed record DossierPermit(OutcomeKind Kind, string Reason, string Field = "")
{
    public static readonly DossierPermit Allowed = new(OutcomeKind.Ok, "");
    public bool IsAllowed => Kind == OutcomeKind.Ok;
    public static DossierPermit Forbidden(string reason) => new(OutcomeKind.Forbidden, reason);
    public static DossierPermit Conflict(string reason) => new(OutcomeKind.Conflict, reason);
}

/// <summary>
/// Who may do what to a dossier: command × actor × place (receiving, competent, current or
/// consulted agency; the owner) × state. The action runner refuses every command this refuses
/// (403 for the actor or place, 409 for the state), and the office and portal pages show a form
/// exactly for the commands this allows, so a button never leads to a certain refusal. The actions
/// themselves check only their input. Pure: it reads the dossier row and the consulted agencies.
/// </summary>
public static class DossierPolicy
{
    private const string NotYours = "Bạn không có quyền thực hiện thao tác này với hồ sơ.";
    private const string OwnerOnly = "Chỉ chủ hồ sơ được thực hiện thao tác này.";

    /// <summary>The commands <paramref name="actor"/> may give now, in declaration order.</summary>
    public static IReadOnlyList<DossierCommand> Allowed(DossierActor actor, Dossier dossier, ConsultedAgencies consulted) =>
        Enum.GetValues<DossierCommand>().Where(c => Decide(c, actor, dossier, consulted).IsAllowed).ToArray();

    public static DossierPermit Decide(DossierCommand command, DossierActor actor, Dossier dossier, ConsultedAgencies consulted)
    {
        var who = Who(command, actor, dossier, consulted);
        if (!who.IsAllowed)
            return who;
        var condition = Condition(command, dossier, actor, consulted);
        if (!condition.IsAllowed)
            return condition;
        if (DossierCommands.Transition(command) is { } transition && DossierStateMachine.Next(dossier.Status, transition) is null)
            return DossierPermit.Conflict(WrongState(transition, dossier.Status));
        return DossierPermit.Allowed;
    }

    public static string WrongState(DossierAction action, DossierStatus status) =>
        $"Không thể \"{DossierStateMachine.VietnameseName(action)}\" khi hồ sơ đang ở trạng thái \"{DossierStateMachine.VietnameseName(status)}\".";

    /// <summary>The actor and the place: which permission, at which of the dossier's agencies, or the owner.</summary>
    private static DossierPermit Who(DossierCommand command, DossierActor a, Dossier d, ConsultedAgencies consulted)
    {
        var receiving = a.AgencyId == d.ReceivingAgencyId;
        var competent = a.AgencyId == d.CompetentAgencyId;
        var current = d.CurrentAgencyId is { } holder && a.AgencyId == holder;
        var owner = !a.IsOfficer && d.OwnerAccountId == a.UserId;
        var receiveOrProcess = a.Can(Permissions.DossierReceive) || a.Can(Permissions.DossierProcess);
        var processOrAssign = a.Can(Permissions.DossierProcess) || a.Can(Permissions.DossierAssign);
        var (ok, reason) = command switch
        {
            // Reception desk of the receiving agency (Decree 61/2018 art. 17).
            DossierCommand.Accept or DossierCommand.RequestSupplementAtReception or DossierCommand.Refuse or DossierCommand.Forward =>
                (a.Can(Permissions.DossierReceive) && receiving, NotYours),
            // Processing at the agency holding the dossier (Decree 61/2018 art. 18–19).
            DossierCommand.Assign => (a.Can(Permissions.DossierAssign) && current, NotYours),
            DossierCommand.Transfer => (processOrAssign && current, "Bạn không có quyền chuyển bước xử lý hồ sơ này."),
            DossierCommand.TransferAgency => (processOrAssign && current, "Bạn không có quyền chuyển hồ sơ này sang cơ quan khác."),
            DossierCommand.SendBack or DossierCommand.Consult or DossierCommand.RequestSupplement or DossierCommand.RequestPayment =>
                (a.Can(Permissions.DossierProcess) && current, NotYours),
            // The consulted agency answers (Decree 61/2018 art. 19.5).
            DossierCommand.AnswerConsultation => (a.Can(Permissions.DossierProcess) && a.AgencyId is { } mine && consulted.All.Contains(mine), NotYours),
            DossierCommand.ConfirmSupplement => (receiveOrProcess && (receiving || current), "Bạn không có quyền xác nhận bổ sung của hồ sơ này."),
            DossierCommand.ConfirmPayment => (receiveOrProcess && (receiving || current), "Bạn không có quyền xác nhận thanh toán của hồ sơ này."),
            // The competent agency's leader decides (Decree 61/2018 art. 19.9 for the extension).
            DossierCommand.Approve or DossierCommand.Recall or DossierCommand.Stop or DossierCommand.Extend =>
                (a.Can(Permissions.DossierApprove) && competent, NotYours),
            DossierCommand.Return => (a.Can(Permissions.DossierReturn) && receiving, NotYours),
            // Withdrawal at the applicant's request: online by the owner, or recorded by the reception desk (Circular 03/2025 art. 7).
            DossierCommand.Withdraw when a.IsOfficer => (a.Can(Permissions.DossierReceive) && receiving, NotYours),
            DossierCommand.Withdraw or DossierCommand.SubmitSupplement or DossierCommand.ReceiveOnline or DossierCommand.Rate => (owner, OwnerOnly),
            _ => (false, NotYours),
        };
        return ok ? DossierPermit.Allowed : DossierPermit.Forbidden(reason);
    }

    /// <summary>Conditions beyond the status: the supplement and extension sub-states, the rating.</summary>
    private static DossierPermit Condition(DossierCommand command, Dossier d, DossierActor a, ConsultedAgencies consulted) => command switch
    {
        // Decree 61/2018 art. 17.2: while the applicant owes a supplement, reception waits for it.
        DossierCommand.Accept when d.SupplementState == SupplementState.AwaitingApplicant =>
            DossierPermit.Conflict("Hồ sơ đang chờ công dân bổ sung."),
        DossierCommand.RequestSupplementAtReception when d.SupplementState == SupplementState.AwaitingApplicant =>
            DossierPermit.Conflict("Đã có yêu cầu bổ sung chưa được trả lời."),
        DossierCommand.SubmitSupplement when d.SupplementState != SupplementState.AwaitingApplicant =>
            DossierPermit.Conflict("Hồ sơ không có yêu cầu bổ sung đang chờ."),
        DossierCommand.ConfirmSupplement when d.SupplementState != SupplementState.SubmittedByApplicant =>
            DossierPermit.Conflict("Công dân chưa nộp bổ sung."),
        DossierCommand.AnswerConsultation when !consulted.Unanswered.Contains(a.AgencyId ?? 0) =>
            DossierPermit.Conflict("Yêu cầu xin ý kiến này đã được trả lời."),
        DossierCommand.Extend when d.DueAt is null => DossierPermit.Conflict("Hồ sơ không có ngày hẹn trả."),
        // Decree 61/2018 art. 19.9: one apology and extension at most (answered as invalid input, like the other extension rules).
        DossierCommand.Extend when d.ExtensionCount > 0 =>
            new DossierPermit(OutcomeKind.Invalid, ExtensionRule.OnlyOnce, "newDue"),
        DossierCommand.Rate when d.Status != DossierStatus.Returned => DossierPermit.Conflict("Chỉ đánh giá sau khi đã nhận kết quả."),
        DossierCommand.Rate when d.Rating is not null => DossierPermit.Conflict("Hồ sơ đã được đánh giá."),
        _ => DossierPermit.Allowed,
    };
}
