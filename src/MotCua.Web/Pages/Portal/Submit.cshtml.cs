using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Catalog.Reference;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Pages.Portal;

/// <summary>
/// Online submission on the portal: the same handlers as the API (upload, then submit). The hidden
/// idempotency key makes a double click or a resent form return the same receipt. Files are stored
/// as soon as they arrive and carried as hidden ids, so a validation error never loses them; the
/// errors come back as an error summary linked to each field (GOV.UK error summary pattern).
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = 110L * 1024 * 1024)]
[RequestSizeLimit(110L * 1024 * 1024)]
public sealed class SubmitModel(GetProcedureHandler procedures, UploadFileHandler upload, SubmitDossierHandler submit, SaveDraftHandler drafts,
    GetDossierHandler dossiers, AppDbContext db, TimeProvider time, FormTemplatesHandler templates) : PageModel
{
    public const string KeptPrefix = "kept_";

    public string Code { get; private set; } = "";
    public string ProcedureName { get; private set; } = "";
    public IReadOnlyList<ProcedureCase> Cases { get; private set; } = [];
    public ProcedureCase? Case { get; private set; }
    public IReadOnlyList<Agency> Receivers { get; private set; } = [];
    public string? ReceivingAgency { get; private set; }
    public bool ReceivingIsHome { get; private set; }
    public string IdempotencyKey { get; private set; } = Guid.NewGuid().ToString();
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public long? DraftId { get; private set; }
    public IReadOnlyList<AttachedFile> Attached { get; private set; } = [];
    public IReadOnlyDictionary<string, FormTemplateItem> Templates { get; private set; } = new Dictionary<string, FormTemplateItem>();
    private System.Text.Json.JsonElement? _draftData;
    private BusinessLinePick? _pick;

    public sealed record AttachedFile(int Index, long Id, string Name, long Size);

    public string? Posted(string key)
    {
        if (Request.HasFormContentType)
            return Request.Form[FormFieldBinding.Prefix + key].ToString();
        return _draftData is { } data && data.TryGetProperty(key, out var v)
            ? v.ValueKind == System.Text.Json.JsonValueKind.String ? MotCua.Web.Infrastructure.Http.JsonTextCheck.SafeString(v) : v.ValueKind == System.Text.Json.JsonValueKind.Array ? null : v.GetRawText()
            : null;
    }

    /// <summary>Where an error summary link goes: the field itself (the day box of a date), or the profile page for account data.</summary>
    public string Href(string key) => SubmitErrors.FieldId(key) switch
    {
        "nguoi-nop" => "/tai-khoan",
        var id when Case!.FormFields.Any(f => f.Type == FormFieldType.Date && "f_" + f.Key == id) => "#" + id + "_ngay",
        var id => "#" + id,
    };

    /// <summary>The business lines to show in a business-lines field (null for other fields): as posted, with a candidate chosen, or from the draft.</summary>
    public IReadOnlyList<string>? LinesOf(FormField field) =>
        BusinessLineRules.IsBusinessLines(field)
            ? BusinessLinePick.Apply(Request.HasFormContentType ? BusinessLineInput.Lines(Request.Form[FormFieldBinding.Prefix + field.Key])
                : BusinessLinePick.FromDraft(field, _draftData), field.Key, _pick)
            : null;

    public string? Raw(string name) => Request.HasFormContentType ? Request.Form[name].ToString() : null;

    public string? ErrorFor(string key) => Errors.FirstOrDefault(e => SubmitErrors.FieldId(e.Field) == SubmitErrors.FieldId(key))?.Message;

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery(Name = "truong-hop")] string? caseCode, [FromQuery(Name = "nhap")] long? draftId, CancellationToken ct)
    {
        if (draftId is { } id && DossierActor.From(User) is { IsOfficer: false } actor && await dossiers.HandleAsync(id, actor, ct) is { } draft)
        {
            DraftId = id;
            caseCode ??= draft.CaseCode;
            _draftData = draft.FormData;
            Attached = draft.Files.Where(f => f.DocumentIndex is not null).Select(f => new AttachedFile(f.DocumentIndex!.Value, f.Id, f.FileName, f.Size)).ToArray();
        }
        if (!await LoadAsync(code, caseCode, ct))
            return NotFound();
        await DefaultReceiverAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? caseCode, string? receivingAgency, string? idempotencyKey,
        string? repName, string? repId, string? repDoc, string? action, string? remove, long? draftId, string? themDong, string? chonNganh,
        CancellationToken ct)
    {
        if (!await LoadAsync(code, caseCode, ct))
            return NotFound();
        DraftId = draftId;
        if (DossierActor.From(User) is not { IsOfficer: false } actor)
            return Forbid();
        ReceivingAgency = receivingAgency;
        IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString() : idempotencyKey[..Math.Min(idempotencyKey.Length, 100)];
        var errors = new List<FieldError>();
        var attached = await KeptAsync(actor, draftId, ct);
        for (var i = 0; i < Case!.Documents.Count; i++)
        {
            if (Request.Form.Files.GetFile($"doc_{i}") is not { Length: > 0 } file)
                continue;
            var (stored, uploadErrors) = await upload.HandleAsync(file, actor, ct);
            if (stored is null)
                errors.AddRange(uploadErrors.Select(e => new FieldError($"documents[{i}]", $"{Case.Documents[i].Name}: {e.Message}")));
            else
                attached[i] = new AttachedFile(i, stored.Id, stored.FileName, stored.Size);
        }
        var removing = int.TryParse(remove, System.Globalization.CultureInfo.InvariantCulture, out var removed);
        _pick = BusinessLinePick.Parse(chonNganh);
        if (removing || _pick is not null || !string.IsNullOrEmpty(themDong))
        {
            // "Gỡ tệp", "Thêm ngành khác" or a business line chosen among candidates: the form comes back
            // changed and nothing is submitted.
            if (removing)
                attached.Remove(removed);
            Attached = [.. attached.Values];
            Errors = errors;
            return Page();
        }
        Attached = [.. attached.Values];
        if (errors.Count == 0)
        {
            var formData = FormFieldBinding.ToJson(Case.FormFields, k => Request.Form[k], errors, VietnamTimeYear());
            var request = new SubmitDossierRequest(Code, Case.Code, receivingAgency, formData, [.. attached.Values.Select(a => new DocumentRef(a.Index, a.Id))],
                string.IsNullOrWhiteSpace(repName) ? null : new RepresentativeData(repName, repId, null, repDoc), draftId);
            if (action == "draft")
            {
                var (saved, draftErrors) = await drafts.HandleAsync(request, draftId, actor, ct);
                if (saved is not null && errors.Count == 0)
                {
                    TempData["Flash"] = "Đã lưu bản nháp. Bạn có thể quay lại hoàn thiện và gửi sau.";
                    return Redirect($"/nop-ho-so/{Code}?nhap={saved.Id}&truong-hop={Uri.EscapeDataString(Case.Code)}");
                }
                errors.AddRange(draftErrors);
            }
            else if (errors.Count == 0)
            {
                var (receipt, submitErrors) = await submit.HandleAsync(request, IdempotencyKey, actor, ct);
                if (receipt is not null)
                    return Redirect($"/ho-so-cua-toi/{receipt.Id}/da-gui");
                errors.AddRange(submitErrors);
            }
        }
        Errors = SubmitErrors.OnePerField(errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private int VietnamTimeYear() => MotCua.Core.Calendar.VietnamTime.Today(time).Year;

    /// <summary>Files uploaded earlier in this form (hidden ids) or on the draft, still the account's own and not used elsewhere.</summary>
    private async Task<Dictionary<int, AttachedFile>> KeptAsync(DossierActor actor, long? draftId, CancellationToken ct)
    {
        var posted = new Dictionary<int, long>();
        for (var i = 0; i < Case!.Documents.Count; i++)
            if (long.TryParse(Request.Form[KeptPrefix + i].ToString(), System.Globalization.CultureInfo.InvariantCulture, out var id))
                posted[i] = id;
        var ids = posted.Values.ToArray();
        var files = await db.DossierFiles.AsNoTracking()
            .Where(f => f.OwnerAccountId == actor.UserId && (ids.Contains(f.Id) || (draftId != null && f.DossierId == draftId && f.DocumentIndex != null)))
            .Where(f => f.DossierId == null || f.DossierId == draftId)
            .Select(f => new { f.Id, f.FileName, f.Size, f.DocumentIndex, f.DossierId }).ToListAsync(ct);
        var kept = new Dictionary<int, AttachedFile>();
        // A draft's file counts until the form says otherwise: a posted form always lists what it keeps.
        foreach (var (index, id) in posted)
            if (files.Find(f => f.Id == id) is { } f)
                kept[index] = new AttachedFile(index, f.Id, f.FileName, f.Size);
        if (!Request.Form.ContainsKey("keptListed"))
            foreach (var f in files.Where(f => f.DossierId == draftId && f.DocumentIndex is { } i && !kept.ContainsKey(i)))
                kept[f.DocumentIndex!.Value] = new AttachedFile(f.DocumentIndex!.Value, f.Id, f.FileName, f.Size);
        return kept;
    }

    /// <summary>The applicant's own commune is the default receiving unit when it offers the procedure; the citizen confirms or changes it.</summary>
    private async Task DefaultReceiverAsync(CancellationToken ct)
    {
        if (Receivers.Count == 1)
        {
            ReceivingAgency = Receivers[0].Code;
            return;
        }
        if (DossierActor.From(User) is not { } actor)
            return;
        var commune = await db.UserAccounts.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.CommuneCode).SingleOrDefaultAsync(ct);
        if (commune is not null && Receivers.FirstOrDefault(a => a.AdminUnitCode == commune) is { } home)
        {
            ReceivingAgency = home.Code;
            ReceivingIsHome = true;
        }
    }

    private async Task<bool> LoadAsync(string code, string? caseCode, CancellationToken ct)
    {
        if (code.Length > 40 || await procedures.HandleAsync(code, ct) is not { } detail || detail.Definition.OnlineLevel == OnlineLevel.InformationOnly)
            return false;
        Code = detail.Code;
        ProcedureName = detail.Name;
        Cases = detail.Definition.Cases;
        Case = Cases.FirstOrDefault(c => c.Code == caseCode) ?? Cases[0];
        Templates = await templates.ForAsync(Case.Documents.Select(d => d.Template), ct);
        var kinds = detail.Definition.ReceivingAgencies.Select(k => AgencyKeyResolver.CommuneKeys.TryGetValue(k, out var kind) ? kind.ToString() : k).ToHashSet();
        var offered = detail.Offerings.Select(o => o.AgencyCode).ToHashSet();
        Receivers = (await db.Agencies.AsNoTracking().Where(a => offered.Contains(a.Code)).OrderBy(a => a.Name).Take(1000).ToListAsync(ct))
            .Where(a => kinds.Contains(a.Code) || kinds.Contains(a.Kind.ToString())).ToArray();
        return true;
    }
}
