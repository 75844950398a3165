using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations.Population;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Pages.Office;

public sealed record KeptFile(long Id, string Name);

/// <summary>
/// Walk-in reception at the desk (Decree 61/2018 art. 17.1): choose the procedure and case, type
/// the applicant and the form, attach scans, and receive. Scans go through the upload handler and
/// the dossier through the counter-intake handler, as POST /api/files and /api/dossiers/counter do.
/// The idempotency key is made when the form is shown, so a double click or a resent form
/// returns the dossier already received instead of a second one (docs/architecture.md#idempotency).
/// </summary>
[Authorize(Policy = Permissions.DossierReceive)]
public sealed class CounterIntakeModel(SearchProceduresHandler search, GetProcedureHandler procedures, UploadFileHandler upload,
    ReceiveAtCounterHandler receive, LookUpCitizenHandler population, AppDbContext db, TimeProvider time, InstallationOptions installation) : OfficerPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "thu-tuc")] public string? ProcedureCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "truong-hop")] public string? CaseCode { get; set; }

    public PagedList<ProcedureListItem>? Candidates { get; private set; }
    public ProcedureDetail? Procedure { get; private set; }
    public ProcedureCase? Case { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public string Key { get; private set; } = "";
    public Dictionary<int, KeptFile> Kept { get; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    /// <summary>What the population-database lookup answered, after "Lấy thông tin từ CSDL quốc gia về dân cư".</summary>
    public PopulationLookupResult? Lookup { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Key = Guid.NewGuid().ToString("N");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var posted = Posted("idempotencyKey").Trim();
        Key = posted.Length is > 0 and <= 100 ? posted : Guid.NewGuid().ToString("N");
        if (Case is null)
            return Refuse(Errors.Count > 0 ? Errors : [new FieldError("procedureCode", "Vui lòng chọn thủ tục và trường hợp.")]);
        if (posted.Length is 0 or > 100)
            return Refuse([new FieldError("idempotencyKey", "Biểu mẫu đã cũ; vui lòng kiểm tra lại và bấm tiếp nhận lần nữa.")]);

        var errors = new List<FieldError>();
        var documents = await UploadAsync(Case, errors, ct);
        if (Posted("action") == "prefill")
            return await PrefillAsync(errors, ct);
        DateOnly? birthDate = null;
        var birth = Posted("birthDate").Trim();
        if (birth.Length > 0)
        {
            if (DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                birthDate = day;
            else
                errors.Add(new FieldError("applicant.birthDate", "Ngày sinh không hợp lệ."));
        }
        if (errors.Count > 0)
            return Refuse(errors);

        var applicant = new ApplicantData(Posted("applicantType"), Text("name"), Text("idNumber"), birthDate, Text("phone"), Text("email"),
            Text("provinceCode"), Text("communeCode"), Text("address"));
        var representative = Text("representativeName") is { } rep
            ? new RepresentativeData(rep, Text("representativeIdNumber"), Text("representativePhone"), Text("authorisationDocument"))
            : null;
        var request = new CounterIntakeRequest(Procedure!.Code, Case.Code, Posted("channel"), applicant,
            FormDataInput.Build(Case.FormFields, key => Posted("f." + key)), documents, representative, Text("populationProof"));
        var (receipt, intakeErrors) = await receive.HandleAsync(request, Key, Actor, ct);
        if (receipt is null)
            return Refuse(intakeErrors);
        TempData["Message"] = $"Đã tiếp nhận hồ sơ tại quầy, mã hồ sơ {receipt.Code}.";
        TempData["PrintForm"] = "01";
        return Redirect($"/office/ho-so/{receipt.Id.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// Stores each chosen scan (type decided from content, size-limited); a scan stored by an
    /// earlier attempt of this form is reused, so a correction does not mean choosing files again.
    /// </summary>
    private async Task<List<DocumentRef>> UploadAsync(ProcedureCase @case, List<FieldError> errors, CancellationToken ct)
    {
        var documents = new List<DocumentRef>();
        for (var i = 0; i < @case.Documents.Count; i++)
        {
            var file = Request.Form.Files.GetFile($"doc{i}");
            if (file is { Length: > 0 })
            {
                var (stored, problems) = await upload.HandleAsync(file, Actor, ct);
                if (stored is null)
                {
                    errors.AddRange(problems.Select(p => new FieldError($"documents[{i}]", $"{@case.Documents[i].Name}: {p.Message}")));
                    continue;
                }
                documents.Add(new DocumentRef(i, stored.Id));
                Kept[i] = new KeptFile(stored.Id, stored.FileName);
            }
            else if (long.TryParse(Posted($"kept{i}"), NumberStyles.None, CultureInfo.InvariantCulture, out var keptId))
            {
                documents.Add(new DocumentRef(i, keptId));
                Kept[i] = new KeptFile(keptId, Posted($"keptName{i}"));
            }
        }
        return documents;
    }

    /// <summary>
    /// "Lấy thông tin từ CSDL quốc gia về dân cư" without JavaScript (docs/integrations/lgsp-population.md#prefill):
    /// the ID number, name and birth date typed are looked up (and logged, as the API does); when the database
    /// confirms them, the form comes back with name, birth date and address filled and the proof that marks the
    /// dossier verified at reception; otherwise with the reason and nothing filled. Scans chosen are kept.
    /// </summary>
    private async Task<IActionResult> PrefillAsync(List<FieldError> errors, CancellationToken ct)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(Posted("birthDate").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var (result, lookupErrors) = await population.HandleAsync(new PopulationLookupRequest(Text("idNumber"), Text("name"), birthDate),
            new PopulationLookupCaller(Actor.UserId, Actor.AgencyId, Actor.Name, LookupPurpose.CounterIntake), ct);
        errors.AddRange(lookupErrors.Select(e => new FieldError("applicant." + e.Field, e.Message)));
        Filled["populationProof"] = "";
        if (result?.Citizen is { } citizen)
        {
            Filled["applicantType"] = "Citizen";
            Filled["name"] = citizen.Name;
            Filled["idNumber"] = citizen.IdNumber;
            Filled["birthDate"] = IsoDate.Format(citizen.BirthDate);
            Filled["address"] = citizen.Address ?? "";
            if (citizen.ProvinceCode is { } province)
                Filled["provinceCode"] = province;
            if (citizen.CommuneCode is { } commune)
                Filled["communeCode"] = commune;
            Filled["populationProof"] = result.Proof ?? "";
        }
        Lookup = result;
        Errors = errors;
        return Page();
    }

    private PageResult Refuse(IReadOnlyList<FieldError> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string? Text(string name) => Posted(name).Trim() is { Length: > 0 } value ? value : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        Communes = (await db.AdminUnits.AsNoTracking()
                .Where(u => u.ParentCode == installation.ProvinceCode && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today))
                .OrderBy(u => u.Name).Take(500).Select(u => new { u.Code, u.Name }).ToListAsync(ct))
            .Select(u => (u.Code, u.Name)).ToArray();
        if (!string.IsNullOrWhiteSpace(ProcedureCode) && ProcedureCode.Length <= 40)
        {
            Procedure = await procedures.HandleAsync(ProcedureCode.Trim(), ct);
            var cases = Procedure?.Definition.Cases ?? [];
            Case = cases.FirstOrDefault(c => c.Code == CaseCode) ?? (cases.Count > 0 ? cases[0] : null);
            if (Procedure is not null)
                return;
            Errors = [new FieldError("procedureCode", "Không có thủ tục đang có hiệu lực với mã này.")];
        }
        // The desk searches what its own unit receives (the procedures offered there).
        var desk = await db.Agencies.AsNoTracking().Where(a => a.Id == Actor.AgencyId).Select(a => a.Code).SingleOrDefaultAsync(ct);
        var (request, _) = SearchProceduresHandler.Parse(Q, null, null, desk, null, "1", "30");
        if (request is not null)
            Candidates = await search.HandleAsync(request, ct);
    }
}
