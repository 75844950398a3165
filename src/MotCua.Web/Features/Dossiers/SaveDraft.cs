using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record DraftResponse(long Id, string ProcedureCode, DateTime SavedAt);

/// <summary>
/// Saves an online dossier as a draft the applicant comes back to (docs/domain/dossier-handling.md#drafts). A draft is the
/// applicant's alone: no code, no history, invisible to officers; it may be incomplete, and it is
/// validated in full when submitted (SubmitDossierHandler with its id).
/// </summary>
public sealed class SaveDraftHandler(AppDbContext db, DossierIntake intake, TimeProvider time)
{
    public async Task<(DraftResponse? Draft, IReadOnlyList<FieldError> Errors)> HandleAsync(SubmitDossierRequest request, long? draftId, DossierActor actor, CancellationToken ct)
    {
        Dossier? existing = null;
        if (draftId is { } id)
        {
            existing = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id && d.OwnerAccountId == actor.UserId && d.IsDraft, ct);
            if (existing is null)
                return (null, [new FieldError("draftId", "Không tìm thấy bản nháp.")]);
        }
        var (prepared, files, errors) = await intake.PrepareAsync(
            new IntakeRequest(request.ProcedureCode, request.CaseCode, request.ReceivingAgency, request.FormData, request.Documents),
            Channel.Online, actor, requireDocuments: false, ct, draftId: existing?.Id ?? -1);
        if (prepared is null || errors.Count > 0)
            return (null, errors);
        var now = time.GetUtcNow().UtcDateTime;
        var draft = existing ?? prepared;
        if (existing is not null)
            DossierIntake.CopyIntake(prepared, existing);
        draft.IsDraft = true;
        draft.OwnerAccountId = actor.UserId;
        draft.ApplicantName = actor.Name;
        draft.CreatedAt = existing?.CreatedAt ?? now;
        draft.Version++;
        if (existing is null)
            db.Dossiers.Add(draft);
        DossierIntake.Attach(draft, files);
        await db.SaveChangesAsync(ct);
        return (new DraftResponse(draft.Id, draft.ProcedureCode, now), []);
    }

    public static async Task<IResult> Endpoint(HttpContext http, long? id, SubmitDossierRequest? request, SaveDraftHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { IsOfficer: false } actor)
            return Problems.Problem(403, "forbidden", "Chỉ tài khoản công dân, doanh nghiệp lưu nháp hồ sơ");
        if (request is null)
            return Problems.Validation("body", "Thiếu nội dung hồ sơ.");
        var (draft, errors) = await handler.HandleAsync(request, id, actor, ct);
        return draft is null ? Problems.Validation(errors) : TypedResults.Ok(draft);
    }
}
