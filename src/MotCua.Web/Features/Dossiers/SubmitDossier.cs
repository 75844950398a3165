using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record RepresentativeData(string? Name, string? IdNumber, string? Phone, string? AuthorisationDocument);
public sealed record SubmitDossierRequest(string? ProcedureCode, string? CaseCode, string? ReceivingAgency, JsonElement FormData,
    IReadOnlyList<DocumentRef>? Documents, RepresentativeData? Representative, long? DraftId = null);
public sealed record DossierReceipt(long Id, string? Code, int Status, string StatusName, DateTime? SubmittedAt, string ProcedureName);

/// <summary>
/// Online submission by a signed-in applicant (docs/domain/dossier-handling.md#online-submission). Idempotent: the same Idempotency-Key
/// returns the same receipt and creates nothing. The receipt is answered only after the dossier,
/// its files, its history row and its notification are committed in one SaveChanges (docs/architecture.md#transactions).
/// The dossier gets its code at once, from the receiving unit's daily sequence (Circular 01/2018 art. 19;
/// docs/domain/codes.md#sequences), so the applicant can track it before an officer acts; the SMS and
/// e-mail carry the code and the expected appointment (docs/domain/dossier-handling.md#online-submission).
/// </summary>
public sealed class SubmitDossierHandler(AppDbContext db, DossierIntake intake, CalendarProvider calendars, TimeProvider time)
{
    public async Task<(DossierReceipt? Receipt, IReadOnlyList<FieldError> Errors)> HandleAsync(
        SubmitDossierRequest request, string idempotencyKey, DossierActor actor, CancellationToken ct)
    {
        // The account and a replay of the same key in one read.
        var found = await db.UserAccounts.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { Account = u, Replayed = db.Dossiers.Any(d => d.OwnerAccountId == u.Id && d.IdempotencyKey == idempotencyKey) })
            .SingleAsync(ct);
        if (found.Replayed && await ExistingAsync(actor.UserId, idempotencyKey, ct) is { } existing)
            return (existing, []);
        var account = found.Account;
        if (string.IsNullOrWhiteSpace(account.PersonalId) && account.ApplicantType is null or ApplicantType.Citizen)
            return (null, [new FieldError("profile", "Vui lòng cập nhật số định danh cá nhân trong hồ sơ tài khoản trước khi nộp.")]);
        var errors = new List<FieldError>();
        if (request.Representative is { Name: not null } rep && !string.IsNullOrWhiteSpace(rep.IdNumber) && !PersonalIdentificationNumber.IsValid(rep.IdNumber))
            errors.Add(new FieldError("representative.idNumber", "Số định danh cá nhân của người được ủy quyền không hợp lệ."));

        Dossier? draft = null;
        if (request.DraftId is { } draftId)
        {
            draft = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == draftId && d.OwnerAccountId == actor.UserId && d.IsDraft, ct);
            if (draft is null)
                return (null, [new FieldError("draftId", "Không tìm thấy bản nháp.")]);
        }
        var (prepared, files, intakeErrors) = await intake.PrepareAsync(
            new IntakeRequest(request.ProcedureCode, request.CaseCode, request.ReceivingAgency, request.FormData, request.Documents),
            Channel.Online, actor, requireDocuments: true, ct, draft?.Id);
        errors.AddRange(intakeErrors);
        if (errors.Count > 0 || prepared is null)
            return (null, errors);
        var dossier = prepared;
        if (draft is not null)
        {
            // The draft row becomes the submitted dossier: same id, its files kept.
            DossierIntake.CopyIntake(prepared, draft);
            draft.IsDraft = false;
            draft.Version++;
            dossier = draft;
        }

        var now = time.GetUtcNow().UtcDateTime;
        dossier.OwnerAccountId = account.Id;
        dossier.IdempotencyKey = idempotencyKey;
        dossier.SubmittedAt = now;
        dossier.ApplicantType = account.ApplicantType ?? ApplicantType.Citizen;
        dossier.ApplicantName = account.FullName;
        dossier.ApplicantIdNumber = account.PersonalId;
        dossier.ApplicantBirthDate = account.BirthDate;
        dossier.ApplicantPhone = account.Phone;
        dossier.ApplicantEmail = account.Email;
        dossier.ApplicantProvinceCode = account.ProvinceCode;
        dossier.ApplicantCommuneCode = account.CommuneCode;
        dossier.ApplicantAddress = account.Address;
        dossier.CheckIdLast4 = TrackingCheck.LastFour(account.PersonalId);
        dossier.CheckPhoneLast4 = TrackingCheck.LastFour(account.Phone);
        if (request.Representative is { Name: { Length: > 0 } name } r)
        {
            dossier.RepresentativeName = name.Trim();
            dossier.RepresentativeIdNumber = r.IdNumber;
            dossier.RepresentativePhone = r.Phone;
            dossier.AuthorisationDocument = r.AuthorisationDocument;
        }
        if (draft is null)
            db.Dossiers.Add(dossier);
        DossierIntake.Attach(dossier, files);
        DossierWorkflow.Created(db, dossier, actor, now, "Nộp hồ sơ trực tuyến");
        var calendar = await calendars.GetAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unit = db.Known.Agencies.GetValueOrDefault(dossier.ReceivingAgencyId)
            ?? await db.Agencies.AsNoTracking().Where(x => x.Id == dossier.ReceivingAgencyId)
                .Select(a => new AgencyInfo(a.Id, a.Code, a.Kind, a.AdminUnitCode, a.ValidFrom, a.ValidTo, a.Name, a.Qcvn102Code)).SingleAsync(ct);
        dossier.Code = await DossierCodes.IssueAsync(db, unit.Qcvn102Code, now, ct);
        var expected = ExpectedDue(calendar, dossier);
        NotificationOutboxHandler.Queue(db, now, dossier.ApplicantEmail, dossier.ApplicantPhone,
            $"Hồ sơ {dossier.Code} đã được gửi",
            $"Hồ sơ \"{dossier.ProcedureName}\" đã được gửi tới {unit.Name} với mã {dossier.Code}. Cán bộ tiếp nhận sẽ kiểm tra và báo cho bạn. "
            + (expected is { } due ? $"Hẹn trả kết quả dự kiến: {DossierWorkflow.Local(due).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}. " : "")
            + "Tra cứu bằng mã hồ sơ tại mục Tra cứu hồ sơ của Cổng dịch vụ công.", dossier.Code);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent retry with the same key won the unique index: the code goes back with the
            // rollback, and the winner's receipt is the answer.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await ExistingAsync(actor.UserId, idempotencyKey, ct) is { } raced)
                return (raced, []);
            throw;
        }
        return (Receipt(dossier), []);
    }

    private async Task<DossierReceipt?> ExistingAsync(long owner, string key, CancellationToken ct)
    {
        var found = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.OwnerAccountId == owner && d.IdempotencyKey == key, ct);
        return found is null ? null : Receipt(found);
    }

    /// <summary>
    /// The appointment the applicant can expect if the dossier is accepted as submitted: the clock as
    /// at reception, started at the next working instant after submission (Decree 45/2020 art. 11:
    /// dossiers submitted outside working hours count from the next working time). The binding
    /// appointment is set when the officer accepts (docs/domain/deadlines.md#clock-start).
    /// </summary>
    public static DateTime? ExpectedDue(WorkingCalendar calendar, Dossier d) =>
        d.NoAppointment || d.SubmittedAt is not { } submitted ? null
            : DossierWorkflow.ToUtc(Deadline.Due(calendar, DossierWorkflow.Local(submitted), DossierWorkflow.Limit(d)));

    public static DossierReceipt Receipt(Dossier d) =>
        new(d.Id, d.Code, (int)d.Status, DossierStateMachine.VietnameseName(d.Status), d.SubmittedAt, d.ProcedureName);

    public static async Task<IResult> Endpoint(HttpRequest http, SubmitDossierRequest? request, SubmitDossierHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(http.HttpContext.User) is not { IsOfficer: false } actor)
            return Problems.Problem(403, "forbidden", "Chỉ tài khoản công dân, doanh nghiệp nộp hồ sơ trực tuyến");
        var key = http.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
            return Problems.Validation("Idempotency-Key", "Thiếu tiêu đề Idempotency-Key (tối đa 100 ký tự).");
        if (request is null)
            return Problems.Validation("body", "Thiếu nội dung hồ sơ.");
        var (receipt, errors) = await handler.HandleAsync(request, key, actor, ct);
        return receipt is null ? Problems.Validation(errors) : TypedResults.Created($"/api/dossiers/{receipt.Id}", receipt);
    }
}
