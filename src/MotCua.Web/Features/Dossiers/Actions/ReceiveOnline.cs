using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>The owner takes the result online (downloads it); it counts as returned (Decree 61/2018 art. 20).</summary>
public static class ReceiveOnline
{
    public static Task RunAsync(DossierActionContext c, CancellationToken ct)
    {
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Return, c.Actor, c.NowUtc, "Công dân nhận kết quả trực tuyến");
        d.ReturnedAt = c.NowUtc;
        d.ReturnMethod = ReturnMethod.Online;
        d.ReturnedTo = d.ApplicantName;
        return Task.CompletedTask;
    }
}
