using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.DemoData;

/// <summary>Where a scenario dossier must stop regardless of its age, so that every queue has examples.</summary>
internal enum DemoHold { None, Submitted, AwaitingForward, Processing, Supplement, Payment }

/// <summary>
/// What happens to one dossier, drawn at random: reception (with an occasional supplement or
/// refusal at the desk), forwarding, assignment, supplements and financial obligations during
/// appraisal, at most one extension, then a result early, exactly on time or late (about one in
/// ten), a stop or a withdrawal; then the return and, for the owner, a rating. Every action goes
/// through <see cref="DemoLifecycle"/>, which stops the story at "now".
/// </summary>
internal sealed class DemoStory(DemoLifecycle life, Random rng, DemoStaff staff, DemoCatalog catalog, DemoActor? owner, Func<Agency, string> resultNumber)
{
    private static readonly string[] SupplementReasons =
        ["Thành phần hồ sơ chưa đầy đủ theo quy định", "Giấy tờ nộp kèm chưa hợp lệ (bản chụp không rõ nét)", "Thông tin trong tờ khai chưa khớp với giấy tờ kèm theo"];
    private static readonly string[] RefusalReasons =
        ["Thủ tục không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận", "Hồ sơ đã được giải quyết trước đây, không đủ điều kiện giải quyết lại"];
    private static readonly string[] StopReasons =
        ["Hồ sơ không đủ điều kiện giải quyết theo quy định", "Kết quả xác minh không đúng với nội dung kê khai", "Quá thời hạn bổ sung hồ sơ nhưng người nộp không bổ sung"];
    private static readonly string[] WithdrawReasons =
        ["Người nộp đề nghị rút hồ sơ để hoàn thiện lại giấy tờ", "Người nộp không còn nhu cầu giải quyết", "Nộp nhầm thủ tục, đề nghị rút hồ sơ"];
    // Mostly satisfied, as in the provinces' published satisfaction indexes, with a few unhappy ones.
    private static readonly int[] Ratings = [5, 5, 5, 5, 5, 4, 4, 4, 3, 3, 2, 1];
    private static readonly string[] Comments = ["Cán bộ hướng dẫn tận tình", "Giải quyết nhanh", "Thủ tục còn nhiều giấy tờ", "Phải đi lại nhiều lần"];

    private ProcedureDefinition? _definition;

    private Dossier D => life.Dossier;
    private ProcedureDefinition Definition => _definition ??= catalog.Procedures.First(p => p.Version.Id == D.ProcedureVersionId).Definition;
    private ProcedureCase Case => Definition.Cases.First(c => c.Code == D.CaseCode);
    private DemoClock C => life.Clock;
    private DemoActor Applicant => owner ?? new DemoActor(null, D.ApplicantName);

    public void Play(DateTime anchor, DemoHold hold, bool extend)
    {
        var receiving = catalog.Agencies[D.ReceivingAgencyId];
        var competent = catalog.Agencies[D.CompetentAgencyId];
        var reception = staff.Reception(receiving);
        if (!Receive(anchor, hold, reception) || hold is DemoHold.Submitted or DemoHold.AwaitingForward)
            return;
        if (!life.Forward(reception, C.Add(life.Last, Minutes(5, 200)), $"Chuyển {competent.ShortName ?? competent.Name}"))
            return;
        var handler = staff.Handler(competent, demo: rng.NextDouble() < 0.85);
        if (competent.Code == "STC" && handler.Id is not null && !life.Assign(staff.Head(competent), handler, C.Add(life.Last, Minutes(10, 150))))
            return;

        var horizon = hold == DemoHold.None ? D.DueAt ?? C.Now : C.Now;
        var supplements = hold == DemoHold.Supplement ? 1 : hold != DemoHold.None ? 0 : rng.NextDouble() < 0.13 ? (rng.NextDouble() < 0.04 ? 2 : 1) : 0;
        for (var i = 0; i < supplements; i++)
        {
            if (!life.RequestSupplement(handler, Point(horizon, 0.1, 0.45), true, Item(), Pick(SupplementReasons)) || hold == DemoHold.Supplement)
                return;
            if (i == 0 && rng.NextDouble() < 0.12)
            {
                // The applicant never answers: the dossier waits, or is stopped after a month.
                if (rng.Next(2) == 0)
                    life.Stop(staff.Leader(competent), C.Add(life.Last, C.Day * rng.Next(15, 30)), StopReasons[2]);
                return;
            }
            if (!life.SubmitSupplement(Applicant, life.Last + Hours(20, 240), "Đã bổ sung giấy tờ theo yêu cầu")
                || !life.ConfirmSupplement(handler, C.Add(life.Last, Minutes(15, 240))))
                return;
            horizon = hold == DemoHold.None ? D.DueAt ?? C.Now : C.Now;
        }
        var payment = hold == DemoHold.Payment || (hold == DemoHold.None && rng.NextDouble() < (competent.Code == "VPDKDD" ? 0.35 : 0.05));
        if (payment)
        {
            var amount = Math.Max(D.FeeAmountVnd, 50_000) + (rng.Next(0, 40) * 50_000L);
            if (!life.RequestPayment(handler, Point(horizon, 0.3, 0.7), amount) || hold == DemoHold.Payment)
                return;
            if (!life.ConfirmPayment(handler, C.Add(life.Last + Hours(4, 96), Minutes(5, 120))))
                return;
        }
        if (hold == DemoHold.Processing)
        {
            life.Transfer(StepActor(competent, handler), Point(C.Now, 0.2, 0.6));
            return;
        }

        var fate = rng.NextDouble();
        if (fate < 0.03)
        {
            life.Stop(staff.Leader(competent), Point(horizon, 0.3, 0.9), Pick(StopReasons[..2]));
            return;
        }
        if (fate < 0.05)
        {
            life.Withdraw(owner ?? reception, Point(horizon, 0.2, 0.7), Pick(WithdrawReasons));
            return;
        }
        var approveAt = ApprovalTime(extend, competent);
        while (life.NextStep is not null && !life.Cut)
            life.Transfer(StepActor(competent, handler), C.Add(life.Last, C.Between(life.Last, approveAt) * U(0.3, 0.7)));
        if (!life.Approve(staff.Leader(competent), approveAt, resultNumber(competent), Summary(Definition)))
            return;
        Return(reception);
    }

    private bool Receive(DateTime anchor, DemoHold hold, DemoActor reception)
    {
        if (D.Channel != Channel.Online)
            return life.ReceiveAtCounter(reception, anchor);
        if (!life.SubmitOnline(owner, anchor) || hold == DemoHold.Submitted)
            return false;
        var roll = hold == DemoHold.None ? rng.NextDouble() : 1;
        if (roll < 0.03)
        {
            life.Refuse(reception, C.Add(life.Last, Minutes(30, 360)), Pick(RefusalReasons));
            return false;
        }
        if (roll < 0.045)
        {
            life.Withdraw(owner ?? reception, life.Last + Hours(2, 40), Pick(WithdrawReasons));
            return false;
        }
        // Incomplete online dossier: one complete list at reception (Decree 61/2018 art. 17.2).
        if (roll < 0.085
            && (!life.RequestSupplement(reception, C.Add(life.Last, Minutes(20, 240)), false, Item(), SupplementReasons[0])
                || !life.SubmitSupplement(Applicant, life.Last + Hours(3, 72), "Đã bổ sung giấy tờ theo yêu cầu")))
            return false;
        return life.Accept(reception, C.Add(life.Last, Minutes(10, 300)));
    }

    /// <summary>About 73 % early, 17 % exactly on the due minute, 10 % late; an extension moves a late one inside the new due.</summary>
    private DateTime ApprovalTime(bool extend, Agency competent)
    {
        var due = D.DueAt ?? C.Now;
        var roll = rng.NextDouble();
        if (extend && D.ExtensionCount == 0)
        {
            var newDue = C.Add(due, C.Day * 3);
            if (life.Extend(staff.Leader(competent), C.Back(due, C.Day + Minutes(30, 240)), newDue, "Cần xác minh thêm thông tin tại địa phương"))
                return C.Add(due, C.Between(due, newDue) * U(0.2, 0.8));
        }
        if (roll < 0.73 && C.Between(life.Last, due) > TimeSpan.FromHours(1))
            return C.Add(life.Last, C.Between(life.Last, due) * U(0.35, 0.95));
        if (roll < 0.90)
            return due < life.Last ? life.Last : due;
        return C.Add(due < life.Last ? life.Last : due, C.Day * U(0.1, 3.0));
    }

    private void Return(DemoActor reception)
    {
        if (rng.NextDouble() < 0.04)
            return; // the result is never collected
        var at = C.Add(life.Last, TimeSpan.FromMinutes(rng.Next(5, 3 * 480)));
        var ok = D.Channel switch
        {
            Channel.Online when owner is not null && rng.NextDouble() < 0.65 => life.Return(owner, at, ReturnMethod.Online, null, byOwner: true),
            Channel.Online when rng.NextDouble() < 0.5 => life.Return(reception, at, ReturnMethod.Online, null, byOwner: false),
            Channel.Postal => life.Return(reception, at, ReturnMethod.ByPost, PostalReference(), byOwner: false),
            Channel.InPerson when rng.NextDouble() < 0.12 => life.Return(reception, at, ReturnMethod.ByPost, PostalReference(), byOwner: false),
            _ => life.Return(reception, at, ReturnMethod.AtCounter, D.RepresentativeName ?? D.ApplicantName, byOwner: false),
        };
        if (ok && owner is not null && rng.NextDouble() < 0.75)
        {
            var rating = Pick(Ratings);
            life.Rate(life.Last + Hours(0.2, 48), rating, rng.Next(3) == 0 ? Comments[rating >= 4 ? rng.Next(2) : 2 + rng.Next(2)] : null);
        }
    }

    private DemoActor StepActor(Agency competent, DemoActor handler) =>
        D.CurrentStep is { } order && Case.Process.FirstOrDefault(s => s.Order == order)?.Role is { } role
            ? role switch
            {
                ProcessRole.DivisionHead => staff.Head(competent),
                ProcessRole.Leader => staff.Leader(competent),
                _ => handler,
            }
            : handler;

    /// <summary>A moment between the last action and <paramref name="horizon"/>, as a share of the working time in between.</summary>
    private DateTime Point(DateTime horizon, double low, double high)
    {
        var room = C.Between(life.Last, horizon);
        // Held scenarios must stay before now; otherwise a little room past the due is fine.
        if (room < TimeSpan.FromMinutes(30) && horizon != C.Now)
            room = TimeSpan.FromMinutes(30);
        return C.Add(life.Last, room * U(low, high));
    }

    private string Item()
    {
        var documents = Case.Documents;
        return documents.Count == 0 ? "Bản sao giấy tờ chứng minh nội dung kê khai" : $"Bổ sung: {Pick(documents.ToArray()).Name}";
    }

    private static string Summary(ProcedureDefinition definition) =>
        definition.ResultType is { Length: > 0 and <= 2000 } result ? result : $"Kết quả giải quyết thủ tục {definition.Name}";

    private string PostalReference() => $"EL{rng.Next(100_000_000, 999_999_999)}VN";

    private T Pick<T>(T[] items) => items[rng.Next(items.Length)];

    private double U(double low, double high) => low + ((high - low) * rng.NextDouble());

    private TimeSpan Minutes(int low, int high) => TimeSpan.FromMinutes(U(low, high));

    private TimeSpan Hours(double low, double high) => TimeSpan.FromHours(U(low, high));
}
