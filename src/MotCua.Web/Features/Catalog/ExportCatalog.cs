using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Catalog;

/// <summary>Exports the versions in force today as a "motcua-catalog/1" document (re-importable as is).</summary>
public sealed class ExportCatalogHandler(AppDbContext db, TimeProvider time)
{
    public const int MaxProcedures = 20_000;

    public async Task<CatalogDocument> HandleAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Code).Take(5000)
            .Select(s => new SectorDefinition(s.Code, s.Name, s.Ministry, true)).ToListAsync(ct);
        var definitions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo > today))
            .Join(db.Procedures, v => v.ProcedureId, p => p.Id, (v, p) => new { p.Code, v.Definition })
            .OrderBy(x => x.Code)
            .Take(MaxProcedures)
            .Select(x => x.Definition)
            .ToListAsync(ct);
        return new CatalogDocument { Sectors = sectors, Procedures = definitions };
    }
}
