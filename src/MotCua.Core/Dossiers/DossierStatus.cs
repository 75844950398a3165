namespace MotCua.Core.Dossiers;

/// <summary>
/// Dossier status. The integer values are the DVCQG status codes (TrangThaiHoSo, see
/// docs/domain/dossier-states.md#statuses); they are stored and synchronised as such, so they must never be renumbered.
/// Sub-states (supplement, payment, result, postal, sync) are separate fields.
/// </summary>
public enum DossierStatus
{
    /// <summary>1 Mới đăng ký: submitted online, awaiting reception.</summary>
    Submitted = 1,

    /// <summary>2 Được tiếp nhận: received; the dossier has its code and due moment.</summary>
    Accepted = 2,

    /// <summary>3 Không được tiếp nhận: refused at reception (Form 03). Terminal.</summary>
    Refused = 3,

    /// <summary>4 Đang xử lý.</summary>
    Processing = 4,

    /// <summary>5 Yêu cầu bổ sung: supplement requested during processing; the clock is paused.</summary>
    SupplementRequested = 5,

    /// <summary>6 Yêu cầu thực hiện nghĩa vụ tài chính; the clock is paused.</summary>
    FinancialObligation = 6,

    /// <summary>7 Công dân rút hồ sơ. Terminal.</summary>
    Withdrawn = 7,

    /// <summary>8 Dừng xử lý. Terminal.</summary>
    Stopped = 8,

    /// <summary>9 Đã xử lý xong: result ready; the end of processing for KPIs.</summary>
    Processed = 9,

    /// <summary>10 Đã trả kết quả. Terminal.</summary>
    Returned = 10,
}

/// <summary>Channel of submission; the values are the DVCQG KenhThucHien codes (docs/domain/legal-framework.md#channels).</summary>
public enum Channel
{
    InPerson = 1,
    Online = 2,

    /// <summary>Public postal service (Decision 45/2016/QĐ-TTg).</summary>
    Postal = 3,
}

/// <summary>What an actor does to a dossier; transitions are in <see cref="DossierStateMachine"/> (docs/domain/dossier-states.md#transitions).</summary>
public enum DossierAction
{
    /// <summary>1 → 2: reception accepts an online dossier.</summary>
    Accept,

    /// <summary>1 → 1: awaiting the applicant; one complete list of what is missing (Decree 61/2018 art. 15, 17).</summary>
    RequestSupplementAtReception,

    /// <summary>1 → 1 (answer to a reception request) and 5 → 5 (answer during processing, confirmed by <see cref="ConfirmSupplement"/>).</summary>
    SubmitSupplement,

    /// <summary>1 → 3: refusal slip, Form 03.</summary>
    Refuse,

    /// <summary>2 → 4: to the competent agency, first step of the internal process.</summary>
    Forward,

    /// <summary>4 → 4: the division head assigns a handler.</summary>
    Assign,

    /// <summary>4 → 4: to the next step, another officer, or another agency and back.</summary>
    Transfer,

    /// <summary>4 → 4: ask another agency, with a deadline (Decree 61/2018 art. 19.5).</summary>
    Consult,

    /// <summary>4 → 4.</summary>
    AnswerConsultation,

    /// <summary>4 → 4: back to the previous step.</summary>
    SendBack,

    /// <summary>4 → 5: supplement during processing (Decree 61/2018 art. 19.4); pauses the clock.</summary>
    RequestSupplement,

    /// <summary>5 → 4: complete supplement received; the clock resumes or restarts.</summary>
    ConfirmSupplement,

    /// <summary>4 → 6: financial obligation.</summary>
    RequestPayment,

    /// <summary>6 → 4.</summary>
    ConfirmPayment,

    /// <summary>1, 2, 4, 5, 6 → 7: at the applicant's request, before a decision.</summary>
    Withdraw,

    /// <summary>2, 4, 5, 6 → 8: notice of stopping / not eligible.</summary>
    Stop,

    /// <summary>4 → 9: result ready; processing end time for KPIs.</summary>
    Approve,

    /// <summary>9 → 4: result withdrawn for correction (Decree 61/2018 art. 21).</summary>
    Recall,

    /// <summary>2, 4, 5, 6 → same: apology and new date, at most once (Decree 61/2018 art. 19.9).</summary>
    Extend,

    /// <summary>9 → 10: result handed over.</summary>
    Return,
}
