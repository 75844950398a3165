using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// What a user asks to do to a dossier: one command per endpoint <c>POST /api/dossiers/{id}/{route}</c>,
/// per office or portal form, and per file under <c>Features/Dossiers/Actions/</c>. Most commands
/// are one transition of the state machine (<see cref="DossierCommands.Transition"/>); rating is not.
/// </summary>
public enum DossierCommand
{
    Accept,
    RequestSupplementAtReception,
    Refuse,
    SubmitSupplement,
    Forward,
    Assign,
    Transfer,
    TransferAgency,
    SendBack,
    Consult,
    AnswerConsultation,
    RequestSupplement,
    ConfirmSupplement,
    RequestPayment,
    ConfirmPayment,
    Approve,
    Recall,
    Stop,
    Withdraw,
    Extend,
    Return,
    ReceiveOnline,
    Rate,
}

public static class DossierCommands
{
    /// <summary>The transition the command makes (and the history row it writes); null for rating, which changes no status.</summary>
    public static DossierAction? Transition(DossierCommand command) => command switch
    {
        DossierCommand.Accept => DossierAction.Accept,
        DossierCommand.RequestSupplementAtReception => DossierAction.RequestSupplementAtReception,
        DossierCommand.Refuse => DossierAction.Refuse,
        DossierCommand.SubmitSupplement => DossierAction.SubmitSupplement,
        DossierCommand.Forward => DossierAction.Forward,
        DossierCommand.Assign => DossierAction.Assign,
        DossierCommand.Transfer or DossierCommand.TransferAgency => DossierAction.Transfer,
        DossierCommand.SendBack => DossierAction.SendBack,
        DossierCommand.Consult => DossierAction.Consult,
        DossierCommand.AnswerConsultation => DossierAction.AnswerConsultation,
        DossierCommand.RequestSupplement => DossierAction.RequestSupplement,
        DossierCommand.ConfirmSupplement => DossierAction.ConfirmSupplement,
        DossierCommand.RequestPayment => DossierAction.RequestPayment,
        DossierCommand.ConfirmPayment => DossierAction.ConfirmPayment,
        DossierCommand.Approve => DossierAction.Approve,
        DossierCommand.Recall => DossierAction.Recall,
        DossierCommand.Stop => DossierAction.Stop,
        DossierCommand.Withdraw => DossierAction.Withdraw,
        DossierCommand.Extend => DossierAction.Extend,
        DossierCommand.Return or DossierCommand.ReceiveOnline => DossierAction.Return,
        _ => null,
    };

    /// <summary>The last segment of the API route, e.g. <c>request-supplement-at-reception</c>.</summary>
    public static string Route(DossierCommand command) => command switch
    {
        DossierCommand.SubmitSupplement => "supplement",
        _ => string.Concat(command.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString())),
    };

    /// <summary>Short Vietnamese verb phrase for buttons and messages.</summary>
    public static string VietnameseName(DossierCommand command) => command switch
    {
        DossierCommand.TransferAgency => "Chuyển cơ quan khác (liên thông)",
        DossierCommand.ReceiveOnline => "Nhận kết quả trực tuyến",
        DossierCommand.Rate => "Đánh giá mức độ hài lòng",
        _ => DossierStateMachine.VietnameseName(Transition(command)!.Value),
    };
}
