using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.DemoData;

/// <summary>What a demo dossier must be for its scenario.</summary>
internal enum DemoKind { Any, Owned, ProvinceDesk }

/// <summary>
/// A new dossier as DossierIntake and the submit/counter handlers would fill it before anything
/// happens to it: procedure version and case, time limit (the online one for online dossiers),
/// receiving and competent agencies, applicant, tracking check digits and form data.
/// </summary>
internal sealed class DemoDossierFactory(DemoCatalog catalog, DateOnly today, Random rng)
{
    /// <summary>Wards of the former city of Lạng Sơn are busier than rural communes.</summary>
    private double CommuneWeight(Agency a) => LangSonOrganization.FormerCitySuccessors.Contains(a.AdminUnitCode ?? "") ? 4 : 1;

    public (Dossier Dossier, IReadOnlyList<ProcessStep> Steps, DemoActor? Owner) Create(DemoKind kind, Channel? channel, int index, int seed)
    {
        var citizen = kind == DemoKind.Owned ? catalog.Accounts.GetValueOrDefault("citizen.demo") : null;
        var candidates = catalog.Procedures.Where(p => kind switch
        {
            DemoKind.Owned => p.ForCitizens && p.Online,
            DemoKind.ProvinceDesk => p.Receivers.Any(a => a.Code == "TTPVHCC") && p.Definition.Cases.Any(Steady) && (channel != Channel.Online || p.Online),
            _ => true,
        }).ToList();
        var procedure = WeightedPick(candidates, p => p.Weight);
        var cases = procedure.Definition.Cases.Where(c => !c.NoAppointment && (kind != DemoKind.ProvinceDesk || Steady(c))).ToList();
        var @case = cases[rng.Next(cases.Count)];
        channel ??= citizen is not null ? Channel.Online : RandomChannel(procedure);

        var receiving = kind == DemoKind.ProvinceDesk ? procedure.Receivers.First(a => a.Code == "TTPVHCC") : Receiving(procedure, citizen?.CommuneCode);
        var competent = catalog.Competent(procedure, receiving)
            ?? throw new InvalidOperationException($"Demo dossier: no competent agency for {procedure.Definition.Code} at {receiving.Code}.");
        var limit = channel == Channel.Online && @case.OnlineTimeLimit is { } online ? online : @case.TimeLimit;
        var communeCode = receiving.AdminUnitCode is { Length: 5 } ward ? ward : DemoPeople.Pick(rng, catalog.CommuneNames.Keys.Order(StringComparer.Ordinal).ToList());
        var person = citizen is null
            ? DemoPeople.Person(rng, communeCode, catalog.CommuneName(communeCode), today)
            : new DemoPerson(citizen.FullName, true, citizen.BirthDate ?? new DateOnly(1990, 1, 1), citizen.PersonalId ?? "", citizen.Phone ?? "", citizen.Email,
                "Nùng", citizen.CommuneCode ?? communeCode, citizen.Address ?? "");

        var dossier = new Dossier
        {
            Channel = channel.Value,
            ProcedureId = procedure.Version.ProcedureId,
            ProcedureVersionId = procedure.Version.Id,
            ProcedureCode = procedure.Definition.Code,
            ProcedureName = procedure.Definition.Name,
            CaseCode = @case.Code,
            LimitUnit = limit.Unit,
            LimitValue = limit.Value,
            NoAppointment = @case.NoAppointment,
            ReceivingAgencyId = receiving.Id,
            CompetentAgencyId = competent.Id,
            CurrentAgencyId = receiving.Id,
            OwnerAccountId = citizen?.Id,
            ApplicantName = person.Name,
            FormDataJson = DemoFormData.Create(@case.FormFields, rng, new DemoFormData.Context(person, today, catalog.CommuneName(person.CommuneCode))),
            FeeAmountVnd = @case.Fees.Sum(f => f.AmountVnd),
            // Unique per generation, like the Idempotency-Key of a real submission or reception.
            IdempotencyKey = $"demo-{seed}-{index}",
        };
        SetApplicant(dossier, procedure, person, citizen);
        var owner = citizen is null ? null : new DemoActor(citizen.Id, citizen.FullName);
        return (dossier, @case.Process.OrderBy(s => s.Order).ToArray(), owner);
    }

    /// <summary>Cases whose due moment is working time from the reception, so a scenario can be placed around "now".</summary>
    public static bool Steady(ProcedureCase c) => !c.NoAppointment && c.TimeLimit is { Unit: TimeLimitUnit.WorkingDays, Value: >= 2 };

    private void SetApplicant(Dossier d, DemoProcedure procedure, DemoPerson person, UserAccount? citizen)
    {
        var types = procedure.Definition.ApplicantTypes;
        var business = citizen is null && (!procedure.ForCitizens || (types.Count > 1 && rng.NextDouble() < 0.15));
        if (business)
        {
            // A company applies through its legal representative.
            d.ApplicantType = types.Contains(ApplicantType.Business) ? ApplicantType.Business
                : types.Where(t => t != ApplicantType.Citizen).DefaultIfEmpty(ApplicantType.Organization).First();
            d.ApplicantName = DemoPeople.Company(rng);
            d.ApplicantIdNumber = DemoPeople.EnterpriseCode(rng);
            d.RepresentativeName = person.Name;
            d.RepresentativeIdNumber = person.IdNumber;
            d.RepresentativePhone = person.Phone;
            d.AuthorisationDocument = "Người đại diện theo pháp luật";
        }
        else
        {
            d.ApplicantType = ApplicantType.Citizen;
            d.ApplicantIdNumber = person.IdNumber;
            d.ApplicantBirthDate = person.BirthDate;
        }
        d.ApplicantPhone = person.Phone;
        d.ApplicantEmail = person.Email;
        d.ApplicantProvinceCode = citizen?.ProvinceCode ?? LangSonOrganization.ProvinceCode;
        d.ApplicantCommuneCode = person.CommuneCode;
        d.ApplicantAddress = person.Address;
        d.CheckIdLast4 = TrackingCheck.LastFour(d.ApplicantIdNumber);
        d.CheckPhoneLast4 = TrackingCheck.LastFour(d.ApplicantPhone);
    }

    /// <summary>Online ~55 %, in person ~40 %, postal ~5 %; information-only procedures cannot be submitted online.</summary>
    private Channel RandomChannel(DemoProcedure procedure)
    {
        if (rng.NextDouble() < 0.55 && procedure.Online)
            return Channel.Online;
        return rng.NextDouble() < 0.89 ? Channel.InPerson : Channel.Postal;
    }

    private Agency Receiving(DemoProcedure procedure, string? preferredCommune)
    {
        if (preferredCommune is not null && procedure.Receivers.FirstOrDefault(a => a.AdminUnitCode == preferredCommune) is { } own)
            return own;
        var desk = procedure.Receivers.FirstOrDefault(a => a.Code == "TTPVHCC");
        var communes = procedure.Receivers.Where(a => a.Code != "TTPVHCC").ToList();
        if (desk is not null && (communes.Count == 0 || rng.Next(2) == 0))
            return desk;
        return WeightedPick(communes, CommuneWeight);
    }

    private T WeightedPick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        if (items.Count == 0)
            throw new InvalidOperationException("Demo dossier: nothing to choose from in the catalogue.");
        var roll = rng.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
                return item;
        }
        return items[^1];
    }
}
