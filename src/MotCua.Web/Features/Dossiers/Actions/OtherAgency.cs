using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>The agency named by code in a consultation or an inter-agency transfer: one that exists today.</summary>
public static class OtherAgency
{
    public static async Task<Agency> FindAsync(DossierActionContext c, string? code, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(c.NowUtc);
        var agency = await c.Db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code && (a.ValidTo == null || a.ValidTo > today), ct);
        DossierActionContext.Check(agency is not null, "agencyCode", "Không có cơ quan với mã này.");
        return agency!;
    }
}
