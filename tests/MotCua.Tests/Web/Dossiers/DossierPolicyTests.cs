using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using C = MotCua.Web.Features.Dossiers.DossierCommand;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>
/// The dossier policy as a table: for each state and each kind of actor and place, exactly the
/// commands expected are allowed, and everything the policy allows is a transition the state
/// machine has (so the runner never lets through what the workflow then refuses).
/// </summary>
public sealed class DossierPolicyTests
{
    private const long Centre = 1, Finance = 2, Construction = 3, Owner = 100;

    private static readonly DossierActor Reception = Officer(10, Centre, Permissions.DossierReceive, Permissions.DossierReturn);
    private static readonly DossierActor Handler = Officer(11, Finance, Permissions.DossierProcess);
    private static readonly DossierActor Leader = Officer(12, Finance, Permissions.DossierApprove, Permissions.DossierAssign, Permissions.DossierProcess);
    private static readonly DossierActor Consulted = Officer(13, Construction, Permissions.DossierProcess);
    private static readonly DossierActor Applicant = new(Owner, "Chủ hồ sơ", false, null, new HashSet<string>());
    private static readonly DossierActor Stranger = new(101, "Người khác", false, null, new HashSet<string>());

    public static TheoryData<string> States => new(Table.Keys);

    /// <summary>State name → (dossier, expected commands per actor). Actors not listed may do nothing.</summary>
    private static readonly Dictionary<string, (Dossier Dossier, Dictionary<DossierActor, C[]> Expected)> Table = new()
    {
        ["1 submitted"] = (At(DossierStatus.Submitted), new()
        {
            [Reception] = [C.Accept, C.RequestSupplementAtReception, C.Refuse, C.Withdraw],
            [Applicant] = [C.Withdraw],
        }),
        ["1 awaiting the applicant's supplement"] = (At(DossierStatus.Submitted, s: SupplementState.AwaitingApplicant), new()
        {
            [Reception] = [C.Refuse, C.Withdraw],
            [Applicant] = [C.SubmitSupplement, C.Withdraw],
        }),
        ["2 accepted"] = (At(DossierStatus.Accepted), new()
        {
            [Reception] = [C.Forward, C.Withdraw],
            [Leader] = [C.Stop, C.Extend],
            [Applicant] = [C.Withdraw],
        }),
        ["4 processing, consulted"] = (At(DossierStatus.Processing, current: Finance), new()
        {
            [Reception] = [C.Withdraw],
            [Handler] = [C.Transfer, C.TransferAgency, C.SendBack, C.Consult, C.RequestSupplement, C.RequestPayment],
            [Leader] = [C.Assign, C.Transfer, C.TransferAgency, C.SendBack, C.Consult, C.RequestSupplement, C.RequestPayment, C.Approve, C.Stop, C.Extend],
            [Consulted] = [C.AnswerConsultation],
            [Applicant] = [C.Withdraw],
        }),
        ["4 processing, extended once"] = (At(DossierStatus.Processing, current: Finance, extensions: 1), new()
        {
            [Reception] = [C.Withdraw],
            [Handler] = [C.Transfer, C.TransferAgency, C.SendBack, C.Consult, C.RequestSupplement, C.RequestPayment],
            [Leader] = [C.Assign, C.Transfer, C.TransferAgency, C.SendBack, C.Consult, C.RequestSupplement, C.RequestPayment, C.Approve, C.Stop],
            [Consulted] = [C.AnswerConsultation],
            [Applicant] = [C.Withdraw],
        }),
        ["5 awaiting the applicant's supplement"] = (At(DossierStatus.SupplementRequested, current: Finance, s: SupplementState.AwaitingApplicant), new()
        {
            [Reception] = [C.Withdraw],
            [Leader] = [C.Stop, C.Extend],
            [Applicant] = [C.SubmitSupplement, C.Withdraw],
        }),
        ["5 supplement submitted"] = (At(DossierStatus.SupplementRequested, current: Finance, s: SupplementState.SubmittedByApplicant), new()
        {
            [Reception] = [C.ConfirmSupplement, C.Withdraw],
            [Handler] = [C.ConfirmSupplement],
            [Leader] = [C.ConfirmSupplement, C.Stop, C.Extend],
            [Applicant] = [C.Withdraw],
        }),
        ["6 financial obligation"] = (At(DossierStatus.FinancialObligation, current: Finance), new()
        {
            [Reception] = [C.ConfirmPayment, C.Withdraw],
            [Handler] = [C.ConfirmPayment],
            [Leader] = [C.ConfirmPayment, C.Stop, C.Extend],
            [Applicant] = [C.Withdraw],
        }),
        ["9 processed"] = (At(DossierStatus.Processed), new()
        {
            [Reception] = [C.Return],
            [Leader] = [C.Recall],
            [Applicant] = [C.ReceiveOnline],
        }),
        ["10 returned"] = (At(DossierStatus.Returned), new() { [Applicant] = [C.Rate] }),
        ["10 returned and rated"] = (At(DossierStatus.Returned, rating: 5), new()),
        ["3 refused"] = (At(DossierStatus.Refused), new()),
        ["7 withdrawn"] = (At(DossierStatus.Withdrawn), new()),
        ["8 stopped"] = (At(DossierStatus.Stopped), new()),
    };

    private static readonly ConsultedAgencies OpenConsultation = new(new HashSet<long> { Construction }, new HashSet<long> { Construction });

    [Theory]
    [MemberData(nameof(States))]
    public void EachActorMayDoExactlyTheExpectedCommands(string state)
    {
        var (dossier, expected) = Table[state];
        foreach (var actor in new[] { Reception, Handler, Leader, Consulted, Applicant, Stranger })
        {
            var allowed = DossierPolicy.Allowed(actor, dossier, OpenConsultation);
            Assert.True(expected.GetValueOrDefault(actor, []).Order().SequenceEqual(allowed.Order()),
                $"{state}, {actor.Name}: expected [{string.Join(", ", expected.GetValueOrDefault(actor, []).Order())}], policy allows [{string.Join(", ", allowed.Order())}]");
        }
    }

    [Fact]
    public void EveryAllowedCommandIsATransitionOfTheState_AndEveryRefusalSaysWhyInVietnamese()
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
            foreach (var supplement in Enum.GetValues<SupplementState>())
                foreach (var actor in new[] { Reception, Handler, Leader, Consulted, Applicant, Stranger })
                    foreach (var command in Enum.GetValues<C>())
                    {
                        var dossier = At(status, current: status is DossierStatus.Submitted or DossierStatus.Accepted or DossierStatus.Processed ? Centre : Finance, s: supplement);
                        var permit = DossierPolicy.Decide(command, actor, dossier, OpenConsultation);
                        if (permit.IsAllowed)
                            Assert.True(DossierCommands.Transition(command) is not { } t ? status == DossierStatus.Returned : DossierStateMachine.Next(status, t) is not null,
                                $"{command} allowed in {status}");
                        else
                        {
                            Assert.Contains(permit.Kind, new[] { OutcomeKind.Forbidden, OutcomeKind.Conflict, OutcomeKind.Invalid });
                            Assert.False(string.IsNullOrWhiteSpace(permit.Reason));
                        }
                    }
    }

    [Fact]
    public void WhoComesBeforeState_AnOutsiderIsForbiddenEvenWhereTheStateWouldAlsoRefuse()
    {
        var returned = At(DossierStatus.Returned);
        Assert.Equal(OutcomeKind.Forbidden, DossierPolicy.Decide(C.Accept, Handler, returned, ConsultedAgencies.None).Kind);
        Assert.Equal(OutcomeKind.Conflict, DossierPolicy.Decide(C.Accept, Reception, returned, ConsultedAgencies.None).Kind);
        Assert.Equal("Không thể \"Tiếp nhận\" khi hồ sơ đang ở trạng thái \"Đã trả kết quả\".", DossierPolicy.Decide(C.Accept, Reception, returned, ConsultedAgencies.None).Reason);
        Assert.Equal(OutcomeKind.Forbidden, DossierPolicy.Decide(C.Rate, Stranger, returned, ConsultedAgencies.None).Kind);
        var answered = new ConsultedAgencies(new HashSet<long> { Construction }, new HashSet<long>());
        Assert.Equal(OutcomeKind.Conflict, DossierPolicy.Decide(C.AnswerConsultation, Consulted, At(DossierStatus.Processing, current: Finance), answered).Kind);
    }

    private static DossierActor Officer(long id, long agency, params string[] permissions) =>
        new(id, $"officer {id}", true, agency, permissions.ToHashSet(StringComparer.Ordinal));

    private static Dossier At(DossierStatus status, long? current = null, SupplementState s = SupplementState.None, int extensions = 0, int? rating = null) => new()
    {
        Id = 1,
        Status = status,
        ProcedureCode = "2.001610",
        ProcedureName = "Đăng ký thành lập doanh nghiệp tư nhân",
        CaseCode = "C1",
        ApplicantName = "Hoàng Văn Thử",
        OwnerAccountId = Owner,
        ReceivingAgencyId = Centre,
        CompetentAgencyId = Finance,
        CurrentAgencyId = current ?? Centre,
        SupplementState = s,
        DueAt = new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Utc),
        ExtensionCount = extensions,
        Rating = rating,
    };
}
