using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// One submitted document shown inside the page (PDF in a frame, images as images, other types
/// offered for download), with the procedure's list beside it to step through. Scope as the dossier
/// page (<see cref="GetDossierHandler"/>, 404 outside it); the framed content is <see cref="PreviewFileHandler"/>.
/// </summary>
public sealed class DocumentViewerModel(GetDossierHandler get, AppDbContext db) : OfficerPageModel
{
    public DossierDetail Detail { get; private set; } = null!;
    public DocumentChecklist Checklist { get; private set; } = null!;
    public FileItem Current { get; private set; } = null!;
    public FileItem? Previous { get; private set; }
    public FileItem? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long fileId, CancellationToken ct)
    {
        if (await get.HandleAsync(id, Actor, ct) is not { } detail)
            return NotFound();
        var versionId = await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.ProcedureVersionId).SingleAsync(ct);
        var version = await db.ProcedureVersions.AsNoTracking().SingleAsync(v => v.Id == versionId, ct);
        var documents = version.Definition.Cases.FirstOrDefault(c => c.Code == detail.CaseCode)?.Documents ?? [];
        Detail = detail;
        Checklist = DocumentChecklist.Build(documents, detail.Files);
        var files = Checklist.Files;
        var at = files.ToList().FindIndex(f => f.Id == fileId);
        if (at < 0)
            return NotFound();
        Current = files[at];
        Previous = at > 0 ? files[at - 1] : null;
        Next = at < files.Count - 1 ? files[at + 1] : null;
        return Page();
    }

    public bool IsPdf => Current.ContentType == "application/pdf";

    public bool IsImage => Current.ContentType is "image/jpeg" or "image/png";
}
