using MotCua.Core.Dossiers;

namespace MotCua.Tests.Core.Dossiers;

// The graph of docs/domain/dossier-states.md#transitions with the DVCQG codes of docs/domain/dossier-states.md#statuses, written out by hand.
public class DossierStateMachineTests
{
    private const DossierStatus S1 = DossierStatus.Submitted;
    private const DossierStatus S2 = DossierStatus.Accepted;
    private const DossierStatus S3 = DossierStatus.Refused;
    private const DossierStatus S4 = DossierStatus.Processing;
    private const DossierStatus S5 = DossierStatus.SupplementRequested;
    private const DossierStatus S6 = DossierStatus.FinancialObligation;
    private const DossierStatus S7 = DossierStatus.Withdrawn;
    private const DossierStatus S8 = DossierStatus.Stopped;
    private const DossierStatus S9 = DossierStatus.Processed;
    private const DossierStatus S10 = DossierStatus.Returned;

    private static readonly (DossierStatus From, DossierAction Action, DossierStatus To)[] Allowed =
    [
        (S1, DossierAction.Accept, S2),
        (S1, DossierAction.RequestSupplementAtReception, S1),
        (S1, DossierAction.SubmitSupplement, S1),
        (S1, DossierAction.Refuse, S3),
        (S1, DossierAction.Withdraw, S7),
        (S2, DossierAction.Forward, S4),
        (S2, DossierAction.Withdraw, S7),
        (S2, DossierAction.Stop, S8),
        (S2, DossierAction.Extend, S2),
        (S4, DossierAction.Assign, S4),
        (S4, DossierAction.Transfer, S4),
        (S4, DossierAction.Consult, S4),
        (S4, DossierAction.AnswerConsultation, S4),
        (S4, DossierAction.SendBack, S4),
        (S4, DossierAction.RequestSupplement, S5),
        (S4, DossierAction.RequestPayment, S6),
        (S4, DossierAction.Withdraw, S7),
        (S4, DossierAction.Stop, S8),
        (S4, DossierAction.Approve, S9),
        (S4, DossierAction.Extend, S4),
        (S5, DossierAction.SubmitSupplement, S5),
        (S5, DossierAction.ConfirmSupplement, S4),
        (S5, DossierAction.Withdraw, S7),
        (S5, DossierAction.Stop, S8),
        (S5, DossierAction.Extend, S5),
        (S6, DossierAction.ConfirmPayment, S4),
        (S6, DossierAction.Withdraw, S7),
        (S6, DossierAction.Stop, S8),
        (S6, DossierAction.Extend, S6),
        (S9, DossierAction.Recall, S4),
        (S9, DossierAction.Return, S10),
    ];

    public static TheoryData<DossierStatus, DossierAction, DossierStatus> AllowedTransitions()
    {
        var data = new TheoryData<DossierStatus, DossierAction, DossierStatus>();
        foreach (var (from, action, to) in Allowed)
        {
            data.Add(from, action, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Next_AllowedTransition_GoesToLawfulStatus(DossierStatus from, DossierAction action, DossierStatus to) =>
        Assert.Equal(to, DossierStateMachine.Next(from, action));

    [Theory]
    [InlineData(S4, DossierAction.Return)]
    [InlineData(S1, DossierAction.Approve)]
    [InlineData(S1, DossierAction.Forward)]
    [InlineData(S2, DossierAction.Refuse)]
    [InlineData(S2, DossierAction.RequestSupplement)]
    [InlineData(S5, DossierAction.Approve)]
    [InlineData(S6, DossierAction.ConfirmSupplement)]
    [InlineData(S9, DossierAction.Withdraw)]
    [InlineData(S9, DossierAction.Extend)]
    [InlineData(S1, DossierAction.Extend)]
    [InlineData(S3, DossierAction.Accept)]
    [InlineData(S7, DossierAction.Forward)]
    [InlineData(S8, DossierAction.Recall)]
    public void Next_ForbiddenSample_IsNull(DossierStatus from, DossierAction action) =>
        Assert.Null(DossierStateMachine.Next(from, action));

    [Fact]
    public void Next_EveryPairOutsideTheTable_IsNull()
    {
        foreach (var from in Enum.GetValues<DossierStatus>())
        {
            foreach (var action in Enum.GetValues<DossierAction>())
            {
                if (!Allowed.Any(t => t.From == from && t.Action == action))
                {
                    Assert.True(DossierStateMachine.Next(from, action) is null, $"{from} --{action}--> should be forbidden");
                }
            }
        }
    }

    [Fact]
    public void Returned_AllowsNothing()
    {
        Assert.Empty(DossierStateMachine.AllowedFrom(S10));
        Assert.All(Enum.GetValues<DossierAction>(), a => Assert.Null(DossierStateMachine.Next(S10, a)));
    }

    [Fact]
    public void AllowedFrom_ListsExactlyTheTableRows()
    {
        foreach (var from in Enum.GetValues<DossierStatus>())
        {
            var expected = Allowed.Where(t => t.From == from).Select(t => t.Action).OrderBy(a => a);
            Assert.Equal(expected, DossierStateMachine.AllowedFrom(from).OrderBy(a => a));
        }
    }

    [Theory]
    [InlineData(S1, false)]
    [InlineData(S2, false)]
    [InlineData(S3, true)]
    [InlineData(S4, false)]
    [InlineData(S5, false)]
    [InlineData(S6, false)]
    [InlineData(S7, true)]
    [InlineData(S8, true)]
    [InlineData(S9, false)]
    [InlineData(S10, true)]
    public void IsTerminal_Only3_7_8_10(DossierStatus status, bool terminal)
    {
        Assert.Equal(terminal, DossierStateMachine.IsTerminal(status));
        Assert.Equal(terminal, DossierStateMachine.AllowedFrom(status).Count == 0);
    }

    [Theory]
    [InlineData(S1, false)]
    [InlineData(S2, true)]
    [InlineData(S3, false)]
    [InlineData(S4, true)]
    [InlineData(S5, false)]
    [InlineData(S6, false)]
    [InlineData(S7, false)]
    [InlineData(S8, false)]
    [InlineData(S9, false)]
    [InlineData(S10, false)]
    public void ClockRuns_OnlyInAcceptedAndProcessing(DossierStatus status, bool runs) =>
        Assert.Equal(runs, DossierStateMachine.ClockRuns(status));

    [Fact]
    public void StatusCodes_AreTheDvcqgCodes()
    {
        Assert.Equal(Enumerable.Range(1, 10), Enum.GetValues<DossierStatus>().Select(s => (int)s));
        Assert.Equal([1, 2, 3], Enum.GetValues<Channel>().Select(c => (int)c));
    }

    [Theory]
    [InlineData(S1, "Mới đăng ký")]
    [InlineData(S2, "Được tiếp nhận")]
    [InlineData(S3, "Không được tiếp nhận")]
    [InlineData(S4, "Đang xử lý")]
    [InlineData(S5, "Yêu cầu bổ sung")]
    [InlineData(S6, "Yêu cầu thực hiện nghĩa vụ tài chính")]
    [InlineData(S7, "Công dân rút hồ sơ")]
    [InlineData(S8, "Dừng xử lý")]
    [InlineData(S9, "Đã xử lý xong")]
    [InlineData(S10, "Đã trả kết quả")]
    public void VietnameseName_Status_IsTheDvcqgName(DossierStatus status, string name) =>
        Assert.Equal(name, DossierStateMachine.VietnameseName(status));

    [Fact]
    public void VietnameseName_EveryAction_PresentAndDistinct()
    {
        var names = Enum.GetValues<DossierAction>().Select(DossierStateMachine.VietnameseName).ToList();
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("Tiếp nhận", DossierStateMachine.VietnameseName(DossierAction.Accept));
        Assert.Equal("Từ chối", DossierStateMachine.VietnameseName(DossierAction.Refuse));
        Assert.Equal("Phân công", DossierStateMachine.VietnameseName(DossierAction.Assign));
    }

    [Fact]
    public void VietnameseName_UnknownValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierStateMachine.VietnameseName((DossierStatus)11));
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierStateMachine.VietnameseName((DossierAction)99));
        Assert.Null(DossierStateMachine.Next((DossierStatus)0, DossierAction.Accept));
        Assert.Empty(DossierStateMachine.AllowedFrom((DossierStatus)0));
    }
}
