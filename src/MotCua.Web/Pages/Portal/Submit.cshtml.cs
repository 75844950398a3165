using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Pages.Portal;

/// <summary>
/// Online submission on the portal: the same handlers as the API (upload, then submit). The hidden
/// idempotency key makes a double click or a resent form return the same receipt.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = 110L * 1024 * 1024)]
[RequestSizeLimit(110L * 1024 * 1024)]
public sealed class SubmitModel(GetProcedureHandler procedures, UploadFileHandler upload, SubmitDossierHandler submit, SaveDraftHandler drafts,
    GetDossierHandler dossiers, AppDbContext db) : PageModel
{
    public string Code { get; private set; } = "";
    public string ProcedureName { get; private set; } = "";
    public IReadOnlyList<ProcedureCase> Cases { get; private set; } = [];
    public ProcedureCase? Case { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Receivers { get; private set; } = [];
    public string? ReceivingAgency { get; private set; }
    public string IdempotencyKey { get; private set; } = Guid.NewGuid().ToString();
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public long? DraftId { get; private set; }
    public IReadOnlyList<(int Index, string Name)> DraftFiles { get; private set; } = [];
    private System.Text.Json.JsonElement? _draftData;

    public string? Posted(string key)
    {
        if (Request.HasFormContentType)
            return Request.Form[FormFieldBinding.Prefix + key].ToString();
        return _draftData is { } data && data.TryGetProperty(key, out var v)
            ? v.ValueKind == System.Text.Json.JsonValueKind.String ? MotCua.Web.Infrastructure.Http.JsonTextCheck.SafeString(v) : v.ValueKind == System.Text.Json.JsonValueKind.Array ? null : v.GetRawText()
            : null;
    }

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery(Name = "truong-hop")] string? caseCode, [FromQuery(Name = "nhap")] long? draftId, CancellationToken ct)
    {
        if (draftId is { } id && DossierActor.From(User) is { IsOfficer: false } actor && await dossiers.HandleAsync(id, actor, ct) is { } draft)
        {
            DraftId = id;
            caseCode ??= draft.CaseCode;
            _draftData = draft.FormData;
            DraftFiles = draft.Files.Where(f => f.DocumentIndex is not null).Select(f => (f.DocumentIndex!.Value, f.FileName)).ToArray();
        }
        return await LoadAsync(code, caseCode, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? caseCode, string? receivingAgency, string? idempotencyKey,
        string? repName, string? repId, string? repDoc, string? action, long? draftId, CancellationToken ct)
    {
        if (!await LoadAsync(code, caseCode, ct))
            return NotFound();
        DraftId = draftId;
        if (DossierActor.From(User) is not { IsOfficer: false } actor)
            return Forbid();
        ReceivingAgency = receivingAgency;
        IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString() : idempotencyKey[..Math.Min(idempotencyKey.Length, 100)];
        var documents = new List<DocumentRef>();
        var errors = new List<FieldError>();
        for (var i = 0; i < Case!.Documents.Count; i++)
        {
            if (Request.Form.Files.GetFile($"doc_{i}") is not { Length: > 0 } file)
                continue;
            var (stored, uploadErrors) = await upload.HandleAsync(file, actor, ct);
            if (stored is null)
                errors.AddRange(uploadErrors.Select(e => new FieldError($"documents[{i}]", $"{Case.Documents[i].Name}: {e.Message}")));
            else
                documents.Add(new DocumentRef(i, stored.Id));
        }
        if (draftId is { } kept && DossierActor.From(User) is { } owner && await dossiers.HandleAsync(kept, owner, ct) is { } previous)
        {
            // Files attached to the draft stay unless a new file was chosen for the same document.
            documents.AddRange(previous.Files.Where(f => f.DocumentIndex is { } i && documents.All(d => d.Index != i)).Select(f => new DocumentRef(f.DocumentIndex!.Value, f.Id)));
        }
        if (errors.Count == 0)
        {
            var request = new SubmitDossierRequest(Code, Case.Code, receivingAgency, FormFieldBinding.ToJson(Case.FormFields, k => Request.Form[k]), documents,
                string.IsNullOrWhiteSpace(repName) ? null : new RepresentativeData(repName, repId, null, repDoc), draftId);
            if (action == "draft")
            {
                var (saved, draftErrors) = await drafts.HandleAsync(request, draftId, actor, ct);
                if (saved is not null)
                {
                    TempData["Flash"] = "Đã lưu bản nháp. Bạn có thể quay lại hoàn thiện và gửi sau.";
                    return Redirect($"/nop-ho-so/{Code}?nhap={saved.Id}&truong-hop={Uri.EscapeDataString(Case.Code)}");
                }
                errors.AddRange(draftErrors);
                Errors = errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            var (receipt, submitErrors) = await submit.HandleAsync(request, IdempotencyKey, actor, ct);
            if (receipt is not null)
            {
                TempData["Flash"] = "Hồ sơ đã được gửi. Cán bộ tiếp nhận sẽ kiểm tra và thông báo cho bạn.";
                return Redirect($"/ho-so-cua-toi/{receipt.Id}");
            }
            errors.AddRange(submitErrors);
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, string? caseCode, CancellationToken ct)
    {
        if (code.Length > 40 || await procedures.HandleAsync(code, ct) is not { } detail || detail.Definition.OnlineLevel == OnlineLevel.InformationOnly)
            return false;
        Code = detail.Code;
        ProcedureName = detail.Name;
        Cases = detail.Definition.Cases;
        Case = Cases.FirstOrDefault(c => c.Code == caseCode) ?? Cases[0];
        var kinds = detail.Definition.ReceivingAgencies.Select(k => AgencyKeyResolver.CommuneKeys.TryGetValue(k, out var kind) ? kind.ToString() : k).ToHashSet();
        var offered = detail.Offerings.Select(o => o.AgencyCode).ToHashSet();
        Receivers = (await db.Agencies.AsNoTracking().Where(a => offered.Contains(a.Code)).OrderBy(a => a.Name).Take(1000).ToListAsync(ct))
            .Where(a => kinds.Contains(a.Code) || kinds.Contains(a.Kind.ToString())).Select(a => (a.Code, a.Name)).ToArray();
        return true;
    }
}
