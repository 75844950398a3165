using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Text;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Catalog;

public sealed record ImportCatalogResult(int SectorsUpserted, int ProceduresCreated, int VersionsPublished, int Unchanged, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Imports a "motcua-catalog/1" document: sectors are upserted; a procedure whose content
/// differs from its version in force gets a new published version (the old one is closed, never
/// edited). All or nothing: any error and nothing is written. One SaveChanges with the audit row.
/// </summary>
public sealed class ImportCatalogHandler(AppDbContext db, AgencyKeyResolver agencies, TimeProvider time)
{
    public async Task<ImportCatalogResult> HandleAsync(CatalogDocument document, DateOnly? effectiveFrom, long? userId, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var from = effectiveFrom ?? today;
        var errors = new List<FieldError>();
        if (document.Format != CatalogDocument.CurrentFormat)
            errors.Add(new FieldError("format", $"Định dạng phải là {CatalogDocument.CurrentFormat}."));

        var sectorRows = await db.Sectors.OrderBy(s => s.Code).Take(5000).ToDictionaryAsync(s => s.Code, ct);
        var sectorCodes = sectorRows.Keys.Concat(document.Sectors.Select(s => s.Code)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < document.Sectors.Count; i++)
            if (string.IsNullOrWhiteSpace(document.Sectors[i].Code) || string.IsNullOrWhiteSpace(document.Sectors[i].Name))
                errors.Add(new FieldError($"sectors[{i}]", "Lĩnh vực phải có mã và tên."));

        var resolved = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Procedures.Count; i++)
        {
            var p = document.Procedures[i];
            var at = $"procedures[{i}].";
            errors.AddRange(ProcedureDefinitionRules.Validate(p, at));
            if (!seen.Add(p.Code))
                errors.Add(new FieldError(at + "code", $"Mã thủ tục {p.Code} bị trùng trong tệp."));
            if (!sectorCodes.Contains(p.SectorCode))
                errors.Add(new FieldError(at + "sectorCode", $"Không có lĩnh vực mã {p.SectorCode}."));
            foreach (var key in p.ReceivingAgencies.Append(p.CompetentAgency).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct())
            {
                if (!resolved.ContainsKey(key))
                    resolved[key] = await agencies.ResolveAsync(key, today, ct);
                if (resolved[key].Count == 0)
                    errors.Add(new FieldError(at + "agencies", $"Không có cơ quan mã {key}."));
            }
        }
        if (errors.Count > 0)
            return new ImportCatalogResult(0, 0, 0, 0, errors);

        foreach (var s in document.Sectors)
        {
            if (sectorRows.TryGetValue(s.Code, out var row))
            {
                row.Name = s.Name;
                row.Ministry = s.Ministry;
            }
            else
            {
                db.Sectors.Add(new Sector { Code = s.Code, Name = s.Name, Ministry = s.Ministry });
            }
        }

        var codes = document.Procedures.Select(p => p.Code).ToArray();
        var existing = await db.Procedures.Include(p => p.Versions).Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        var existingIds = existing.Values.Select(p => p.Id).ToArray();
        var oldOfferings = await db.ProcedureOfferings.Where(o => existingIds.Contains(o.ProcedureId)).ToListAsync(ct);
        int created = 0, published = 0, unchanged = 0;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (definition, index) in document.Procedures.Select((d, i) => (d, i)))
        {
            if (!existing.TryGetValue(definition.Code, out var procedure))
            {
                procedure = new Procedure { Code = definition.Code };
                db.Procedures.Add(procedure);
                created++;
            }
            var current = procedure.Versions.Where(v => v.State == VersionState.Published)
                .OrderByDescending(v => v.EffectiveFrom).FirstOrDefault(v => v.EffectiveTo is null);
            if (current is not null && JsonSerializer.Serialize(current.Definition, CatalogJson.Options) == JsonSerializer.Serialize(definition, CatalogJson.Options))
            {
                unchanged++;
                continue;
            }
            if (current is not null && current.EffectiveFrom >= from)
            {
                errors.Add(new FieldError($"procedures[{index}]", $"Phiên bản mới phải có hiệu lực sau ngày {current.EffectiveFrom:dd/MM/yyyy}."));
                continue;
            }
            if (current is not null)
                current.EffectiveTo = from;
            procedure.Versions.Add(NewVersion(definition, procedure.Versions.Count + 1, from, now));
            published++;
            db.ProcedureOfferings.RemoveRange(oldOfferings.Where(o => o.ProcedureId == procedure.Id && procedure.Id != 0));
            foreach (var agencyId in definition.ReceivingAgencies.Append(definition.CompetentAgency).Distinct().SelectMany(k => resolved[k]).Distinct())
                db.ProcedureOfferings.Add(new ProcedureOffering { Procedure = procedure, AgencyId = agencyId, OnlineLevel = definition.OnlineLevel, LegacyLevel = definition.LegacyLevel });
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ImportCatalogResult(0, 0, 0, 0, errors);
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = userId,
            Action = "catalog.import",
            EntityType = "Catalog",
            EntityId = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Details = JsonSerializer.Serialize(new { sectors = document.Sectors.Count, created, published, unchanged }),
        });
        await db.SaveChangesAsync(ct);
        return new ImportCatalogResult(document.Sectors.Count, created, published, unchanged, []);
    }

    public static ProcedureVersion NewVersion(ProcedureDefinition definition, int number, DateOnly from, DateTime now) => new()
    {
        Number = number,
        State = VersionState.Published,
        EffectiveFrom = from,
        PublishedAt = now,
        Name = definition.Name,
        NameFolded = VietnameseText.Fold(definition.Name),
        SectorCode = definition.SectorCode,
        Levels = "," + string.Join(",", definition.Levels) + ",",
        OnlineLevel = definition.OnlineLevel,
        Definition = definition,
    };
}
