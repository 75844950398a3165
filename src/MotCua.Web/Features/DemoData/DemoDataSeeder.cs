using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.DemoData;

/// <summary>
/// Loads the Lạng Sơn demo data on the first start of the embedded SQLite database: organisation,
/// catalogue, the demo accounts listed in the README and six months of demo dossiers. Never runs
/// on PostgreSQL (a production configuration) and never when DemoData:Enabled is false.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, ImportCatalogHandler importer, IPasswordHasher<UserAccount> hasher,
    CalendarProvider calendars, TotpAuthenticator totp, TimeProvider time, ILogger<DemoDataSeeder> log, FormTemplatesHandler templates)
{
    public const string DemoPassword = "MotCua@2026";
    /// <summary>Born in Lạng Sơn (020), female, 20th century (1), 1990.</summary>
    public const string CitizenPersonalId = "020190012345";

    public static bool IsEnabled(IConfiguration configuration, DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Sqlite && configuration.GetValue("DemoData:Enabled", true);

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Agencies.AnyAsync(ct))
            return false;
        // The first start spends most of its time here: say what it is doing.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        log.LogInformation("Empty database: loading the demo data (Lạng Sơn organisation, catalogue, accounts, dossiers)");
        await SeedOrganisationAsync(ct);
        log.LogInformation("Demo organisation: {Agencies} agencies, {Units} communes and wards",
            await db.Agencies.CountAsync(ct), await db.AdminUnits.CountAsync(u => u.Kind != AdminUnitKind.Province && u.ValidTo == null, ct));
        await SeedAccountsAsync(ct);
        log.LogInformation("Demo accounts: {Accounts} (password {Password})", await db.UserAccounts.CountAsync(ct), DemoPassword);
        var catalog = await LoadCatalogAsync(ct);
        var result = await importer.HandleAsync(catalog, LangSonOrganization.Reorganisation, userId: null, ct);
        if (result.Errors.Count > 0)
            throw new InvalidOperationException("Demo catalogue is invalid: " + string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Field}: {e.Message}")));
        log.LogInformation("Demo catalogue: {Procedures} procedures, {Templates} form template files (placeholders); generating six months of demo dossiers",
            result.ProceduresCreated, await DemoTemplates.SeedAsync(db, templates, ct));
        // Dossiers last: they need the catalogue, the agencies and the demo accounts.
        var dossiers = await DemoDossiers.GenerateAsync(db, await calendars.GetAsync(ct), time.GetUtcNow().UtcDateTime, ct: ct);
        log.LogInformation("Demo data loaded in {Seconds:0} s: {Procedures} procedures, {Dossiers} dossiers", watch.Elapsed.TotalSeconds, result.ProceduresCreated, dossiers);
        return true;
    }

    public static async Task<CatalogDocument> LoadCatalogAsync(CancellationToken ct)
    {
        await using var stream = typeof(DemoDataSeeder).Assembly.GetManifestResourceStream("demodata/catalog-lang-son.json")
            ?? throw new InvalidOperationException("Embedded demo catalogue is missing.");
        return await JsonSerializer.DeserializeAsync<CatalogDocument>(stream, CatalogJson.Options, ct)
            ?? throw new InvalidOperationException("Embedded demo catalogue is empty.");
    }

    private async Task SeedOrganisationAsync(CancellationToken ct)
    {
        var reorganisation = LangSonOrganization.Reorganisation;
        db.AdminUnits.Add(new AdminUnit
        {
            Code = LangSonOrganization.ProvinceCode,
            Name = LangSonOrganization.ProvinceName,
            Kind = AdminUnitKind.Province,
            ValidFrom = new DateOnly(1976, 1, 1),
        });
        foreach (var (code, name) in LangSonOrganization.LegacyDistricts)
            db.AdminUnits.Add(new AdminUnit
            {
                Code = code,
                Name = name,
                Kind = AdminUnitKind.LegacyDistrict,
                ParentCode = LangSonOrganization.ProvinceCode,
                ValidFrom = new DateOnly(1976, 1, 1),
                ValidTo = reorganisation,
            });
        foreach (var successor in LangSonOrganization.FormerCitySuccessors)
            db.AdminUnitSuccessions.Add(new AdminUnitSuccession { OldCode = "178", NewCode = successor, EffectiveDate = reorganisation, Partial = true });

        var byCode = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var d in LangSonOrganization.Departments)
        {
            var agency = new Agency
            {
                Code = d.Code,
                Name = d.Name,
                ShortName = d.ShortName,
                Kind = d.Kind,
                AdminUnitCode = LangSonOrganization.ProvinceCode,
                Qcvn102Code = LangSonOrganization.Qcvn102(d.Number),
                ElectronicId = LangSonOrganization.ElectronicId(d.Number),
                ValidFrom = reorganisation,
            };
            byCode[d.Code] = agency;
            db.Agencies.Add(agency);
        }
        await db.SaveChangesAsync(ct);
        foreach (var d in LangSonOrganization.Departments.Where(d => d.Parent is not null))
            byCode[d.Code].ParentId = byCode[d.Parent!].Id;

        using var csv = new StreamReader(typeof(DemoDataSeeder).Assembly.GetManifestResourceStream("demodata/lang-son-wards-2025.csv")!);
        var number = 31;
        foreach (var ward in LangSonOrganization.ReadWards(csv))
        {
            db.AdminUnits.Add(new AdminUnit { Code = ward.Code, Name = ward.Name, Kind = ward.Kind, ParentCode = LangSonOrganization.ProvinceCode, ValidFrom = reorganisation });
            var place = ward.Name;
            var committee = new Agency
            {
                Code = "UBND-" + ward.Code,
                Name = "Ủy ban nhân dân " + Lower(place),
                ShortName = "UBND " + place,
                Kind = AgencyKind.CommunePeopleCommittee,
                AdminUnitCode = ward.Code,
                Qcvn102Code = LangSonOrganization.Qcvn102(number),
                ElectronicId = LangSonOrganization.ElectronicId(number),
                ValidFrom = reorganisation,
            };
            db.Agencies.Add(committee);
            await db.SaveChangesAsync(ct);
            db.Agencies.Add(new Agency
            {
                Code = "TTPVHCC-" + ward.Code,
                Name = "Trung tâm Phục vụ hành chính công " + Lower(place),
                ShortName = "TTPVHCC " + place,
                Kind = AgencyKind.CommuneServiceCentre,
                ParentId = committee.Id,
                AdminUnitCode = ward.Code,
                Qcvn102Code = LangSonOrganization.Qcvn102(number, 1),
                ElectronicId = LangSonOrganization.ElectronicId(number, 1),
                ValidFrom = reorganisation,
            });
            db.Agencies.Add(new Agency
            {
                Code = "CA-" + ward.Code,
                Name = "Công an " + Lower(place),
                ShortName = "CA " + place,
                Kind = AgencyKind.CommunePolice,
                ParentId = byCode["CAT"].Id,
                AdminUnitCode = ward.Code,
                Qcvn102Code = LangSonOrganization.Qcvn102(number, 2),
                ElectronicId = LangSonOrganization.ElectronicId(number, 2),
                ValidFrom = reorganisation,
            });
            number++;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"Xã Bình Gia" → "xã Bình Gia" inside a longer name.</summary>
    private static string Lower(string place) => char.ToLowerInvariant(place[0]) + place[1..];

    private async Task SeedAccountsAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.Where(a => a.Code == "TTPVHCC" || a.Code == "STC").ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        void Add(string user, string name, string title, string agency, params OfficerRole[] roles)
        {
            var account = new UserAccount
            {
                UserName = user,
                FullName = name,
                Title = title,
                Kind = AccountKind.Officer,
                AgencyId = agencies[agency],
                CreatedAt = now,
                PasswordHash = "",
                Roles = roles.Select(r => new RoleAssignment { Role = r, AgencyId = agencies[agency] }).ToList(),
            };
            account.PasswordHash = hasher.HashPassword(account, DemoPassword);
            db.UserAccounts.Add(account);
        }
        Add("admin.demo", "Quản trị Hệ thống", "Chuyên viên CNTT", "TTPVHCC", OfficerRole.SystemAdmin);
        Add("reception.demo", "Nguyễn Thị Lan", "Cán bộ tiếp nhận", "TTPVHCC", OfficerRole.Reception, OfficerRole.ReturnOfficer);
        Add("handler.demo", "Hoàng Văn Minh", "Chuyên viên Phòng Đăng ký kinh doanh", "STC", OfficerRole.Handler);
        Add("leader.demo", "Lương Thị Hoa", "Phó Giám đốc Sở", "STC", OfficerRole.Leader, OfficerRole.DivisionHead);
        var citizen = new UserAccount
        {
            UserName = "citizen.demo",
            FullName = "Nông Thị Mai",
            Kind = AccountKind.Applicant,
            CreatedAt = now,
            PasswordHash = "",
            ApplicantType = Core.Catalog.ApplicantType.Citizen,
            PersonalId = CitizenPersonalId,
            BirthDate = new DateOnly(1990, 5, 12),
            Phone = "0912345678",
            Email = "citizen.demo@example.com",
            ProvinceCode = "20",
            CommuneCode = "05977",
            Address = "Số 12 đường Trần Đăng Ninh",
        };
        citizen.PasswordHash = hasher.HashPassword(citizen, DemoPassword);
        db.UserAccounts.Add(citizen);
        await db.SaveChangesAsync(ct);
        await DemoSecondFactor.EnrolOfficersAsync(db, totp, now, ct);
    }
}
