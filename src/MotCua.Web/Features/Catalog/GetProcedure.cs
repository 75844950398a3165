using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Catalog;

public sealed record OfferingItem(string AgencyCode, string AgencyName, string OnlineLevel, int? LegacyLevel);
public sealed record VersionInfo(int Number, DateOnly EffectiveFrom, DateOnly? EffectiveTo, DateTime? PublishedAt);
public sealed record ProcedureDetail(
    string Code, string Name, string SectorCode, string SectorName, VersionInfo Version, ProcedureDefinition Definition,
    IReadOnlyList<OfferingItem> Offerings, IReadOnlyList<VersionInfo> History);

/// <summary>The version of a procedure in force today, with where it is offered and its version history.</summary>
public sealed class GetProcedureHandler(AppDbContext db, TimeProvider time)
{
    public async Task<ProcedureDetail?> HandleAsync(string code, CancellationToken ct)
    {
        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
            return null;
        var today = VietnamTime.Today(time);
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureId == procedure.Id && v.State == VersionState.Published)
            .OrderByDescending(v => v.Number)
            .Take(200)
            .ToListAsync(ct);
        var current = versions.FirstOrDefault(v => v.IsCurrentOn(today));
        if (current is null)
            return null;
        var sectorName = await db.Sectors.AsNoTracking().Where(s => s.Code == current.SectorCode).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var offerings = await db.ProcedureOfferings.AsNoTracking()
            .Where(o => o.ProcedureId == procedure.Id)
            .Join(db.Agencies, o => o.AgencyId, a => a.Id, (o, a) => new { a.Code, a.Name, o.OnlineLevel, o.LegacyLevel })
            .OrderBy(x => x.Name)
            .Take(1000)
            .ToListAsync(ct);
        return new ProcedureDetail(
            procedure.Code, current.Name, current.SectorCode, sectorName ?? current.SectorCode, Info(current), current.Definition,
            offerings.Select(o => new OfferingItem(o.Code, o.Name, o.OnlineLevel.ToString(), o.LegacyLevel)).ToArray(),
            versions.Select(Info).ToArray());
    }

    private static VersionInfo Info(ProcedureVersion v) => new(v.Number, v.EffectiveFrom, v.EffectiveTo, v.PublishedAt);

    public static async Task<IResult> Endpoint(string code, GetProcedureHandler handler, CancellationToken ct)
    {
        if (code.Length > 40)
            return Problems.Validation("code", "Mã thủ tục quá dài.");
        var detail = await handler.HandleAsync(code, ct);
        return detail is null
            ? Problems.NotFound($"Không có thủ tục hành chính mã {code} đang có hiệu lực.")
            : TypedResults.Ok(detail);
    }
}
