using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Organization;

namespace MotCua.Bench.Statistics;

internal sealed record GenAgency(long Id, string Code, string Name, AgencyKind Kind, string? AdminUnitCode, string UnitCode);

/// <summary>Where a procedure is received and who decides it there, with how busy that place is.</summary>
internal sealed record GenPlace(GenAgency Receiving, GenAgency Competent, double Weight);

internal sealed record GenProcedure(long VersionId, long ProcedureId, ProcedureDefinition Definition, IReadOnlyList<ProcedureCase> Cases,
    IReadOnlyList<GenPlace> Places, double Weight)
{
    public bool Online => Definition.OnlineLevel != OnlineLevel.InformationOnly;
}

/// <summary>
/// What the generator reads from the seeded database: the published procedures in force with
/// their offerings (which agency receives which procedure), resolved the way DossierIntake does —
/// commune procedures at every commune centre with the commune's committee or police competent,
/// province procedures at the provincial service centre with the department competent — and the
/// working calendar (office hours by default, holidays by law, overrides from the database).
/// </summary>
internal sealed class GeneratorCatalog
{
    public required IReadOnlyList<GenProcedure> Procedures { get; init; }
    public required IReadOnlyDictionary<string, string> CommuneNames { get; init; }
    public required WorkingCalendar Calendar { get; init; }

    public static async Task<GeneratorCatalog> LoadAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo > today))
            .OrderBy(a => a.Code).ToListAsync(ct);
        var byId = agencies.ToDictionary(a => a.Id, a => new GenAgency(a.Id, a.Code, a.Name, a.Kind, a.AdminUnitCode, a.Qcvn102Code));
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo > today))
            .ToListAsync(ct);
        var offerings = await db.ProcedureOfferings.AsNoTracking().Select(o => new { o.ProcedureId, o.AgencyId }).ToListAsync(ct);
        var offered = offerings.ToLookup(o => o.ProcedureId, o => o.AgencyId);

        // A few procedures carry most of the load (civil status, certification, business
        // registration): a Zipf-like weight over a fixed shuffle of the catalogue.
        var rng = new Random(7);
        var ordered = versions.OrderBy(v => v.Definition.Code, StringComparer.Ordinal).OrderBy(_ => rng.Next()).ToList();
        var procedures = new List<GenProcedure>();
        for (var rank = 0; rank < ordered.Count; rank++)
        {
            var version = ordered[rank];
            var definition = version.Definition;
            var kinds = definition.ReceivingAgencies
                .Select(k => AgencyKeyResolver.CommuneKeys.TryGetValue(k, out var kind) ? kind.ToString() : k).ToHashSet();
            var places = offered[version.ProcedureId].Where(byId.ContainsKey).Select(id => byId[id])
                .Where(a => kinds.Contains(a.Code) || kinds.Contains(a.Kind.ToString()))
                .OrderBy(a => a.Code, StringComparer.Ordinal)
                .Select(receiving => Competent(definition, receiving, agencies) is { } competent
                    ? new GenPlace(receiving, byId[competent.Id], Busy(receiving))
                    : null)
                .OfType<GenPlace>().ToList();
            var cases = definition.Cases.Where(c => !c.NoAppointment).ToList();
            if (places.Count == 0 || cases.Count == 0)
                continue;
            procedures.Add(new GenProcedure(version.Id, version.ProcedureId, definition, cases, places, 1.0 / Math.Pow(rank + 1, 0.8)));
        }
        var communes = await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == LangSonOrganization.ProvinceCode && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var overrides = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct);
        return new GeneratorCatalog
        {
            Procedures = procedures,
            CommuneNames = communes,
            Calendar = new WorkingCalendar(OfficeHours.Default, overrides.Select(o => o.ToDomain())),
        };
    }

    /// <summary>The wards of the former city of Lạng Sơn are busier than rural communes.</summary>
    private static double Busy(GenAgency receiving) =>
        LangSonOrganization.FormerCitySuccessors.Contains(receiving.AdminUnitCode ?? "") ? 4 : 1;

    private static Agency? Competent(ProcedureDefinition definition, GenAgency receiving, IReadOnlyList<Agency> agencies) =>
        AgencyKeyResolver.CommuneKeys.TryGetValue(definition.CompetentAgency, out var kind)
            ? agencies.FirstOrDefault(a => a.Kind == kind && a.AdminUnitCode == receiving.AdminUnitCode)
            : agencies.FirstOrDefault(a => a.Code == definition.CompetentAgency);
}
