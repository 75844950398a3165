using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record AssignRequest(long? UserId, string? Note);

/// <summary>The division head assigns a handler of the agency holding the dossier (Decree 61/2018 art. 19).</summary>
public static class Assign
{
    public static async Task RunAsync(DossierActionContext c, AssignRequest body, CancellationToken ct)
    {
        var d = c.Dossier;
        var handler = await c.Db.UserAccounts.Include(u => u.Roles)
            .SingleOrDefaultAsync(u => u.Id == body.UserId && u.Active && u.Kind == AccountKind.Officer, ct);
        DossierActionContext.Check(handler is not null && handler.Roles.Any(r => r.Role == OfficerRole.Handler && r.AgencyId == d.CurrentAgencyId),
            "userId", "Chọn một chuyên viên xử lý của cơ quan đang giữ hồ sơ.");
        var steps = await ProcessSteps.OfAsync(c, ct);
        var handling = steps.FirstOrDefault(s => s.Role == ProcessRole.Handler && s.Order >= (d.CurrentStep ?? 0));
        DossierWorkflow.Apply(c.Db, d, DossierAction.Assign, c.Actor, c.NowUtc, body.Note ?? $"Phân công {handler!.FullName}", toUserId: handler!.Id);
        d.AssigneeId = handler.Id;
        if (handling is not null)
            ProcessSteps.MoveTo(c, handling);
    }
}
