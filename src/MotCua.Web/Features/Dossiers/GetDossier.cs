using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record HistoryItem(DateTime At, string ActorName, string Action, int? FromStatus, int ToStatus, string? AgencyName, DateTime? StepDueAt, string? Note);
public sealed record FileItem(long Id, string FileName, string ContentType, long Size, string Sha256, string Kind, int? DocumentIndex);
public sealed record DossierDetail(
    long Id, string? Code, int Status, string StatusName, int Channel, string ProcedureCode, string ProcedureName, string CaseCode,
    string ReceivingAgency, string CompetentAgency, string? CurrentAgency,
    string ApplicantName, string? ApplicantIdNumber, string? ApplicantPhone, string? ApplicantEmail, string? ApplicantAddress, string? RepresentativeName,
    JsonElement FormData, DateTime? SubmittedAt, DateTime? ReceivedAt, DateTime? DueAt, DateTime? OriginalDueAt, string DueFlag,
    int SupplementCount, int ExtensionCount, string SupplementState, string PaymentState, long FeeAmountVnd,
    string? ResultNumber, string? ResultSigner, DateOnly? ResultDate, DateTime? ProcessingEndedAt, DateTime? ReturnedAt, string? ReturnMethod,
    string? RefusalReason, string? StopReason, int? Rating, string? RatingComment, long? AssigneeId, int? CurrentStep, DateTime? StepDueAt,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<FileItem> Files, IReadOnlyList<HistoryItem> History, long Version);

/// <summary>
/// One dossier in full for those in scope. An officer's read of the applicant's personal data is
/// written to the audit log (docs/architecture.md#audit), in its own small transaction.
/// </summary>
public sealed class GetDossierHandler(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    public async Task<DossierDetail?> HandleAsync(long id, DossierActor actor, CancellationToken ct)
    {
        var d = await db.Dossiers.AsNoTracking().VisibleTo(actor, db.Consultations).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return null;
        var agencyIds = new[] { d.ReceivingAgencyId, d.CompetentAgencyId, d.CurrentAgencyId ?? 0 };
        var history = await db.DossierHistory.AsNoTracking().Where(h => h.DossierId == id).OrderBy(h => h.Id).Take(1000).ToListAsync(ct);
        var allIds = agencyIds.Concat(history.Select(h => h.ToAgencyId ?? 0)).Distinct().ToArray();
        var agencies = await db.Agencies.AsNoTracking().Where(a => allIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == id).OrderBy(f => f.Id).Take(500).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        if (actor.IsOfficer)
        {
            db.AuditEntries.Add(new AuditEntry { At = now, UserId = actor.UserId, Action = "dossier.read", EntityType = "Dossier", EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await db.SaveChangesAsync(ct);
        }
        return new DossierDetail(d.Id, d.Code, (int)d.Status, DossierStateMachine.VietnameseName(d.Status), (int)d.Channel, d.ProcedureCode, d.ProcedureName, d.CaseCode,
            agencies.GetValueOrDefault(d.ReceivingAgencyId, ""), agencies.GetValueOrDefault(d.CompetentAgencyId, ""), d.CurrentAgencyId is { } c ? agencies.GetValueOrDefault(c) : null,
            d.ApplicantName, d.ApplicantIdNumber, d.ApplicantPhone, d.ApplicantEmail, d.ApplicantAddress, d.RepresentativeName,
            JsonDocument.Parse(JsonTextCheck.Repair(d.FormDataJson)).RootElement, d.SubmittedAt, d.ReceivedAt, d.DueAt, d.OriginalDueAt, ListDossiersHandler.Flag(calendar, now, d).ToString(),
            d.SupplementCount, d.ExtensionCount, d.SupplementState.ToString(), d.PaymentState.ToString(), d.FeeAmountVnd,
            d.ResultNumber, d.ResultSigner, d.ResultDate, d.ProcessingEndedAt, d.ReturnedAt, d.ReturnMethod?.ToString(),
            d.RefusalReason, d.StopReason, d.Rating, d.RatingComment, d.AssigneeId, d.CurrentStep, d.StepDueAt,
            DossierStateMachine.AllowedFrom(d.Status).Select(a => a.ToString()).ToArray(),
            files.Select(f => new FileItem(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.Kind.ToString(), f.DocumentIndex)).ToArray(),
            history.Select(h => new HistoryItem(h.At, h.ActorName, h.ActionName, (int?)h.FromStatus, (int)h.ToStatus,
                h.ToAgencyId is { } t ? agencies.GetValueOrDefault(t) : null, h.StepDueAt, h.Note)).ToArray(),
            d.Version);
    }

    public static async Task<IResult> Endpoint(long id, HttpContext http, GetDossierHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { } actor)
            return Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
        return await handler.HandleAsync(id, actor, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("Không tìm thấy hồ sơ.");
    }
}
