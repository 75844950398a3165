using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

/// <summary>Where a dossier is: the three agencies (DOMAIN A.2) and the procedure version it was received under (A.1).</summary>
public sealed record DossierPlace(long ReceivingAgencyId, long CompetentAgencyId, long? CurrentAgencyId, long ProcedureVersionId);

/// <summary>
/// Which action forms the dossier page offers: those the state allows (<see cref="DossierDetail.AllowedActions"/>)
/// that this officer's permissions and agency would let the action handlers accept. The handlers
/// check again on every post; this only spares the officer buttons that would surely be refused.
/// </summary>
public static class DossierActionChoice
{
    public static IReadOnlyList<DossierAction> For(DossierDetail d, DossierPlace place, DossierActor actor) =>
        d.AllowedActions.Select(Enum.Parse<DossierAction>).Where(a => Useful(a, d, place, actor)).ToArray();

    private static bool Useful(DossierAction action, DossierDetail d, DossierPlace p, DossierActor a)
    {
        var receiving = a.AgencyId == p.ReceivingAgencyId;
        var current = p.CurrentAgencyId is { } c && a.AgencyId == c;
        var competent = a.AgencyId == p.CompetentAgencyId;
        // Decree 61/2018 art. 17.2: while the applicant owes a supplement, reception waits for it.
        var awaiting = d.SupplementState == nameof(SupplementState.AwaitingApplicant);
        var receiveOrProcess = a.Can(Permissions.DossierReceive) || a.Can(Permissions.DossierProcess);
        return action switch
        {
            DossierAction.Accept or DossierAction.RequestSupplementAtReception => a.Can(Permissions.DossierReceive) && receiving && !awaiting,
            DossierAction.Refuse or DossierAction.Forward or DossierAction.Withdraw => a.Can(Permissions.DossierReceive) && receiving,
            DossierAction.Assign => a.Can(Permissions.DossierAssign) && current,
            DossierAction.Transfer => (a.Can(Permissions.DossierProcess) || a.Can(Permissions.DossierAssign)) && current,
            DossierAction.SendBack or DossierAction.RequestSupplement or DossierAction.RequestPayment or DossierAction.Consult => a.Can(Permissions.DossierProcess) && current,
            DossierAction.ConfirmSupplement => d.SupplementState == nameof(SupplementState.SubmittedByApplicant) && receiveOrProcess && (receiving || current),
            DossierAction.ConfirmPayment => receiveOrProcess && (receiving || current),
            // Decree 61/2018 art. 19.9: one apology and extension at most, and only with a due moment.
            DossierAction.Extend => a.Can(Permissions.DossierApprove) && competent && d.DueAt is not null && d.ExtensionCount == 0,
            DossierAction.Approve or DossierAction.Recall or DossierAction.Stop => a.Can(Permissions.DossierApprove) && competent,
            DossierAction.Return => a.Can(Permissions.DossierReturn) && receiving,
            // The supplement itself is the applicant's (portal); a consultation is answered from the
            // list of open consultations addressed to the officer's agency, not from this list.
            _ => false,
        };
    }
}
