using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record SupplementSubmission(string? Note, IReadOnlyList<DocumentRef>? Documents);

/// <summary>
/// The applicant answers a supplement request online (at reception the status stays 1; during
/// processing it stays 5 until an officer confirms the supplement is complete).
/// </summary>
public static class SubmitSupplement
{
    public static async Task RunAsync(DossierActionContext c, SupplementSubmission body, CancellationToken ct)
    {
        var d = c.Dossier;
        var request = await c.Db.SupplementRequests.Where(r => r.DossierId == d.Id && r.SubmittedAt == null).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct)
            ?? throw new DossierRuleException("Không tìm thấy yêu cầu bổ sung.");
        var documents = body.Documents ?? [];
        DossierActionContext.Check(documents.Count > 0 || !string.IsNullOrWhiteSpace(body.Note), "documents", "Vui lòng đính kèm giấy tờ bổ sung hoặc ghi chú.");
        var ids = documents.Select(x => x.FileId).ToArray();
        var files = await c.Db.DossierFiles.Where(f => ids.Contains(f.Id) && f.OwnerAccountId == c.Actor.UserId && f.DossierId == null).ToListAsync(ct);
        DossierActionContext.Check(files.Count == ids.Distinct().Count(), "documents", "Tệp không tồn tại hoặc đã được dùng.");
        foreach (var f in files)
            DossierActionContext.Check(FileScanRules.Unusable(f) is null, "documents", FileScanRules.Unusable(f) ?? "");
        foreach (var f in files)
        {
            f.DossierId = d.Id;
            f.Kind = DossierFileKind.Supplement;
            f.DocumentIndex = documents.First(x => x.FileId == f.Id).Index;
        }
        DossierWorkflow.Apply(c.Db, d, DossierAction.SubmitSupplement, c.Actor, c.NowUtc, body.Note);
        request.SubmittedAt = c.NowUtc;
        request.ApplicantNote = body.Note;
        d.SupplementState = SupplementState.SubmittedByApplicant;
    }
}
