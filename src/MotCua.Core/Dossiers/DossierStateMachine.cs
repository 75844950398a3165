using System.Collections.Frozen;

namespace MotCua.Core.Dossiers;

/// <summary>
/// Allowed transitions between DVCQG statuses (docs/domain/dossier-states.md#transitions). Who may act and the
/// effects (history row, forms, clock) belong to the application; this is only the graph.
/// </summary>
public static class DossierStateMachine
{
    private static readonly FrozenDictionary<DossierStatus, (DossierAction Action, DossierStatus To)[]> Transitions =
        new Dictionary<DossierStatus, (DossierAction, DossierStatus)[]>
        {
            [DossierStatus.Submitted] =
            [
                (DossierAction.Accept, DossierStatus.Accepted),
                // Decree 61/2018 art. 17.2: incomplete online dossier stays submitted with a one-time list.
                (DossierAction.RequestSupplementAtReception, DossierStatus.Submitted),
                (DossierAction.SubmitSupplement, DossierStatus.Submitted),
                (DossierAction.Refuse, DossierStatus.Refused),
                (DossierAction.Withdraw, DossierStatus.Withdrawn),
            ],
            [DossierStatus.Accepted] =
            [
                (DossierAction.Forward, DossierStatus.Processing),
                (DossierAction.Withdraw, DossierStatus.Withdrawn),
                (DossierAction.Stop, DossierStatus.Stopped),
                (DossierAction.Extend, DossierStatus.Accepted),
            ],
            [DossierStatus.Processing] =
            [
                (DossierAction.Assign, DossierStatus.Processing),
                (DossierAction.Transfer, DossierStatus.Processing),
                (DossierAction.Consult, DossierStatus.Processing),
                (DossierAction.AnswerConsultation, DossierStatus.Processing),
                (DossierAction.SendBack, DossierStatus.Processing),
                (DossierAction.RequestSupplement, DossierStatus.SupplementRequested),
                (DossierAction.RequestPayment, DossierStatus.FinancialObligation),
                (DossierAction.Withdraw, DossierStatus.Withdrawn),
                (DossierAction.Stop, DossierStatus.Stopped),
                (DossierAction.Approve, DossierStatus.Processed),
                (DossierAction.Extend, DossierStatus.Processing),
            ],
            [DossierStatus.SupplementRequested] =
            [
                // The applicant's answer is recorded; the status changes only when an officer confirms it is complete.
                (DossierAction.SubmitSupplement, DossierStatus.SupplementRequested),
                (DossierAction.ConfirmSupplement, DossierStatus.Processing),
                (DossierAction.Withdraw, DossierStatus.Withdrawn),
                (DossierAction.Stop, DossierStatus.Stopped),
                (DossierAction.Extend, DossierStatus.SupplementRequested),
            ],
            [DossierStatus.FinancialObligation] =
            [
                (DossierAction.ConfirmPayment, DossierStatus.Processing),
                (DossierAction.Withdraw, DossierStatus.Withdrawn),
                (DossierAction.Stop, DossierStatus.Stopped),
                (DossierAction.Extend, DossierStatus.FinancialObligation),
            ],
            [DossierStatus.Processed] =
            [
                (DossierAction.Recall, DossierStatus.Processing),
                (DossierAction.Return, DossierStatus.Returned),
            ],
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<DossierStatus, IReadOnlyList<DossierAction>> Allowed =
        Enum.GetValues<DossierStatus>().ToFrozenDictionary(
            static s => s,
            static s => (IReadOnlyList<DossierAction>)Array.AsReadOnly(
                Transitions.TryGetValue(s, out var list) ? list.Select(static t => t.Action).ToArray() : []));

    /// <summary>The status after <paramref name="action"/>, or null when the action is not allowed from <paramref name="from"/>.</summary>
    public static DossierStatus? Next(DossierStatus from, DossierAction action)
    {
        if (Transitions.TryGetValue(from, out var list))
        {
            foreach (var (a, to) in list)
            {
                if (a == action)
                {
                    return to;
                }
            }
        }

        return null;
    }

    /// <summary>Actions allowed from <paramref name="from"/>, in a stable order (empty for terminal or unknown statuses).</summary>
    public static IReadOnlyList<DossierAction> AllowedFrom(DossierStatus from) =>
        Allowed.TryGetValue(from, out var actions) ? actions : [];

    /// <summary>3, 7, 8, 10: nothing can happen any more (docs/domain/dossier-states.md#terminal). 9 is not terminal: a result can be recalled.</summary>
    public static bool IsTerminal(DossierStatus status) =>
        status is DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Stopped or DossierStatus.Returned;

    /// <summary>
    /// The processing clock runs in 2 and 4 only: it is paused while waiting for the applicant
    /// (5 supplement, 6 payment; docs/domain/deadlines.md#pauses) and stopped otherwise (9 is the KPI end time).
    /// </summary>
    public static bool ClockRuns(DossierStatus status) =>
        status is DossierStatus.Accepted or DossierStatus.Processing;

    /// <summary>The official DVCQG name of the status (docs/domain/dossier-states.md#statuses).</summary>
    public static string VietnameseName(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "Mới đăng ký",
        DossierStatus.Accepted => "Được tiếp nhận",
        DossierStatus.Refused => "Không được tiếp nhận",
        DossierStatus.Processing => "Đang xử lý",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung",
        DossierStatus.FinancialObligation => "Yêu cầu thực hiện nghĩa vụ tài chính",
        DossierStatus.Withdrawn => "Công dân rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Processed => "Đã xử lý xong",
        DossierStatus.Returned => "Đã trả kết quả",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown dossier status."),
    };

    /// <summary>Short verb phrase for buttons and history rows.</summary>
    public static string VietnameseName(DossierAction action) => action switch
    {
        DossierAction.Accept => "Tiếp nhận",
        DossierAction.RequestSupplementAtReception => "Yêu cầu bổ sung",
        DossierAction.SubmitSupplement => "Nộp bổ sung",
        DossierAction.Refuse => "Từ chối",
        DossierAction.Forward => "Chuyển xử lý",
        DossierAction.Assign => "Phân công",
        DossierAction.Transfer => "Chuyển tiếp",
        DossierAction.Consult => "Xin ý kiến",
        DossierAction.AnswerConsultation => "Trả lời xin ý kiến",
        DossierAction.SendBack => "Trả lại bước trước",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung hồ sơ",
        DossierAction.ConfirmSupplement => "Xác nhận bổ sung",
        DossierAction.RequestPayment => "Yêu cầu nghĩa vụ tài chính",
        DossierAction.ConfirmPayment => "Xác nhận thanh toán",
        DossierAction.Withdraw => "Rút hồ sơ",
        DossierAction.Stop => "Dừng xử lý",
        DossierAction.Approve => "Phê duyệt kết quả",
        DossierAction.Recall => "Thu hồi kết quả",
        DossierAction.Extend => "Gia hạn",
        DossierAction.Return => "Trả kết quả",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown dossier action."),
    };
}
