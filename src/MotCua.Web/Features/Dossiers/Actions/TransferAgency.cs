using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record InterAgencyRequest(string? AgencyCode, string? Note);

/// <summary>
/// Hand the dossier to another agency of an inter-agency chain, or back to the competent agency
/// (Decree 61/2018 art. 19.6–19.7).
/// </summary>
public static class TransferAgency
{
    public static async Task RunAsync(DossierActionContext c, InterAgencyRequest body, CancellationToken ct)
    {
        var d = c.Dossier;
        var agency = await OtherAgency.FindAsync(c, body.AgencyCode, ct);
        DossierActionContext.Check(agency.Id != d.CurrentAgencyId, "agencyCode", "Hồ sơ đang ở cơ quan này.");
        DossierWorkflow.Apply(c.Db, d, DossierAction.Transfer, c.Actor, c.NowUtc, body.Note ?? $"Chuyển {agency.Name}", toAgencyId: agency.Id);
        d.CurrentAgencyId = agency.Id;
        d.AssigneeId = null;
    }
}
