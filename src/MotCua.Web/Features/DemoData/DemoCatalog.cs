using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.DemoData;

/// <summary>
/// A published procedure with the places it can be received and how its competent agency is found,
/// resolved the way DossierIntake does: receivers are the offering agencies of the receiving kinds;
/// a commune key (COMMUNE_PC, COMMUNE_POLICE) means the agency of that kind in the receiving commune.
/// </summary>
internal sealed record DemoProcedure(ProcedureVersion Version, IReadOnlyList<Agency> Receivers, double Weight)
{
    public ProcedureDefinition Definition => Version.Definition;
    public bool ForCitizens => Definition.ApplicantTypes.Count == 0 || Definition.ApplicantTypes.Contains(ApplicantType.Citizen);
    public bool Online => Definition.OnlineLevel != OnlineLevel.InformationOnly;
}

/// <summary>Everything the generator reads from the database once: procedures, agencies, communes and the demo accounts.</summary>
internal sealed class DemoCatalog
{
    public required IReadOnlyList<DemoProcedure> Procedures { get; init; }
    public required IReadOnlyDictionary<long, Agency> Agencies { get; init; }
    public required IReadOnlyDictionary<string, string> CommuneNames { get; init; }
    public required IReadOnlyDictionary<string, UserAccount> Accounts { get; init; }
    public DateOnly EffectiveFrom { get; init; }

    public static async Task<DemoCatalog> LoadAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo > today))
            .OrderBy(a => a.Code).ToListAsync(ct);
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo > today))
            .OrderBy(v => v.ProcedureId).ToListAsync(ct);
        var offerings = await db.ProcedureOfferings.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        var byId = agencies.ToDictionary(a => a.Id);
        var procedures = new List<DemoProcedure>();
        foreach (var version in versions.OrderBy(v => v.Definition.Code, StringComparer.Ordinal))
        {
            var definition = version.Definition;
            var kinds = definition.ReceivingAgencies
                .Select(k => AgencyKeyResolver.CommuneKeys.TryGetValue(k, out var kind) ? kind.ToString() : k).ToHashSet();
            var receivers = offerings.Where(o => o.ProcedureId == version.ProcedureId && byId.ContainsKey(o.AgencyId))
                .Select(o => byId[o.AgencyId])
                .Where(a => kinds.Contains(a.Code) || kinds.Contains(a.Kind.ToString()))
                .OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
            var cases = definition.Cases.Where(c => !c.NoAppointment).ToList();
            if (receivers.Count == 0 || cases.Count == 0)
                continue;
            // Business registration (STC) is weighted up so the demo handler has a queue.
            var weight = definition.CompetentAgency == "STC" ? 3.0 : definition.Levels.Contains(ImplementingLevel.Commune) ? 1.2 : 1.0;
            procedures.Add(new DemoProcedure(version, receivers, weight));
        }
        var communes = await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == LangSonOrganization.ProvinceCode && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var accounts = await db.UserAccounts.AsNoTracking().Include(u => u.Roles)
            .Where(u => u.UserName == "reception.demo" || u.UserName == "handler.demo" || u.UserName == "leader.demo" || u.UserName == "citizen.demo")
            .ToDictionaryAsync(u => u.UserName, ct);
        return new DemoCatalog
        {
            Procedures = procedures,
            Agencies = byId,
            CommuneNames = communes,
            Accounts = accounts,
            EffectiveFrom = versions.Count == 0 ? today : versions.Max(v => v.EffectiveFrom),
        };
    }

    /// <summary>The competent agency for a reception at <paramref name="receiving"/> (DossierIntake.ResolveCompetentAsync).</summary>
    public Agency? Competent(DemoProcedure procedure, Agency receiving)
    {
        var key = procedure.Definition.CompetentAgency;
        return AgencyKeyResolver.CommuneKeys.TryGetValue(key, out var kind)
            ? Agencies.Values.FirstOrDefault(a => a.Kind == kind && a.AdminUnitCode == receiving.AdminUnitCode)
            : Agencies.Values.FirstOrDefault(a => a.Code == key);
    }

    public string CommuneName(string? code) => code is not null && CommuneNames.TryGetValue(code, out var name) ? name : "Phường Đông Kinh";
}

/// <summary>
/// The officers acting on demo dossiers: the demo accounts where they exist (reception.demo at
/// TTPVHCC, leader.demo and handler.demo at STC), otherwise a named officer of the agency without
/// an account, as in a province whose other units are not yet set up in MotCua.
/// </summary>
internal sealed class DemoStaff(DemoCatalog catalog)
{
    private readonly Dictionary<(long, string), DemoActor> _named = [];

    public DemoActor Reception(Agency agency) =>
        agency.Code == "TTPVHCC" && Account("reception.demo") is { } a ? a : Named(agency, "reception");

    public DemoActor Head(Agency agency) => agency.Code == "STC" && Account("leader.demo") is { } a ? a : Named(agency, "head");

    public DemoActor Leader(Agency agency) => agency.Code == "STC" && Account("leader.demo") is { } a ? a : Named(agency, "leader");

    /// <summary>The handler of a step; at STC the demo handler takes most dossiers, a colleague the rest.</summary>
    public DemoActor Handler(Agency agency, bool demo) => agency.Code == "STC" && demo && Account("handler.demo") is { } a ? a : Named(agency, "handler");

    private DemoActor? Account(string userName) =>
        catalog.Accounts.TryGetValue(userName, out var u) ? new DemoActor(u.Id, u.FullName) : null;

    private DemoActor Named(Agency agency, string role)
    {
        if (!_named.TryGetValue((agency.Id, role), out var actor))
        {
            // Stable per agency and role, whatever order the dossiers are generated in.
            var rng = new Random((int)(agency.Id % 100_000 * 7919) + (role[0] * 31) + role.Length);
            _named[(agency.Id, role)] = actor = new DemoActor(null, DemoPeople.FullName(rng, rng.Next(2) == 0));
        }
        return actor;
    }
}
