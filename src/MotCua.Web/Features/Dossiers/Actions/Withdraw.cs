using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>Withdrawal at the applicant's request, before a decision (status 7; Circular 03/2025 art. 7).</summary>
public static class Withdraw
{
    public static Task RunAsync(DossierActionContext c, ReasonRequest body, CancellationToken ct)
    {
        DossierActionContext.Check(!string.IsNullOrWhiteSpace(body.Reason), "reason", "Vui lòng nêu lý do rút hồ sơ.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Withdraw, c.Actor, c.NowUtc, body.Reason);
        d.StopReason = body.Reason!.Trim();
        d.EndedAt = c.NowUtc;
        return Task.CompletedTask;
    }
}
