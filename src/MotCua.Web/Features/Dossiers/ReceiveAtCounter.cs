using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record ApplicantData(string? Type, string? Name, string? IdNumber, DateOnly? BirthDate, string? Phone, string? Email,
    string? ProvinceCode, string? CommuneCode, string? Address);
public sealed record CounterIntakeRequest(string? ProcedureCode, string? CaseCode, string? Channel, ApplicantData? Applicant,
    JsonElement FormData, IReadOnlyList<DocumentRef>? Documents, RepresentativeData? Representative, string? PopulationProof = null);

/// <summary>
/// Walk-in (or postal) reception at a one-stop desk (Decree 61/2018 art. 17.1): a complete dossier
/// is received at once (status 2) with its code and the appointment computed by the calendar; the
/// 15:00 rule fixes when it must be forwarded (art. 18: same day, or the next working morning).
/// </summary>
public sealed class ReceiveAtCounterHandler(AppDbContext db, DossierIntake intake, CalendarProvider calendars, TimeProvider time,
    Integrations.Population.PopulationProofs populationProofs)
{
    public async Task<(DossierReceipt? Receipt, IReadOnlyList<FieldError> Errors)> HandleAsync(CounterIntakeRequest request, string key, DossierActor actor, CancellationToken ct)
    {
        var existing = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.ReceivedById == actor.UserId && d.IdempotencyKey == key, ct);
        if (existing is not null)
            return (SubmitDossierHandler.Receipt(existing), []);
        var errors = new List<FieldError>();
        var parse = new QueryParsing();
        var channel = parse.Enum<Channel>(request.Channel ?? nameof(Channel.InPerson), "channel");
        var type = parse.Enum<ApplicantType>(request.Applicant?.Type ?? nameof(ApplicantType.Citizen), "applicant.type");
        errors.AddRange(parse.Errors);
        if (channel == Channel.Online)
            errors.Add(new FieldError("channel", "Tại quầy chỉ nhận hồ sơ trực tiếp (InPerson) hoặc qua bưu chính (Postal)."));
        var a = request.Applicant;
        if (a is null || string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > 200)
            errors.Add(new FieldError("applicant.name", "Vui lòng nhập họ tên người nộp (tối đa 200 ký tự)."));
        if (type == ApplicantType.Citizen)
            errors.AddRange(PersonalIdentificationNumber.Validate(a?.IdNumber, a?.BirthDate).Select(m => new FieldError("applicant.idNumber", m)));
        if (string.IsNullOrWhiteSpace(a?.Phone) && string.IsNullOrWhiteSpace(a?.Email))
            errors.Add(new FieldError("applicant.phone", "Cần số điện thoại hoặc e-mail để báo kết quả."));
        var (dossier, files, intakeErrors) = await intake.PrepareAsync(
            new IntakeRequest(request.ProcedureCode, request.CaseCode, null, request.FormData, request.Documents), channel ?? Channel.InPerson, actor, false, ct);
        errors.AddRange(intakeErrors);
        if (dossier is not null && actor.AgencyId is { } agency)
        {
            // The desk receives for its own unit; the competent agency follows the procedure.
            var desk = await db.Agencies.AsNoTracking().SingleAsync(x => x.Id == agency, ct);
            dossier.ReceivingAgencyId = desk.Id;
            dossier.CurrentAgencyId = desk.Id;
        }
        if (errors.Count > 0 || dossier is null)
            return (null, errors);

        var now = time.GetUtcNow().UtcDateTime;
        dossier.ApplicantType = type!.Value;
        dossier.ApplicantName = a!.Name!.Trim();
        dossier.ApplicantIdNumber = a.IdNumber;
        dossier.ApplicantBirthDate = a.BirthDate;
        dossier.ApplicantPhone = a.Phone;
        dossier.ApplicantEmail = a.Email;
        dossier.ApplicantProvinceCode = a.ProvinceCode;
        dossier.ApplicantCommuneCode = a.CommuneCode;
        dossier.ApplicantAddress = a.Address;
        // Filled from the National Population Database and unchanged since (docs/integrations/lgsp-population.md#verified).
        dossier.PopulationVerified = populationProofs.Confirms(request.PopulationProof, a.IdNumber, a.Name, a.BirthDate);
        dossier.CheckIdLast4 = TrackingCheck.LastFour(a.IdNumber);
        dossier.CheckPhoneLast4 = TrackingCheck.LastFour(a.Phone);
        dossier.IdempotencyKey = key;
        dossier.SubmittedAt = now;
        dossier.Status = DossierStatus.Accepted;
        if (request.Representative is { Name: { Length: > 0 } rep })
        {
            dossier.RepresentativeName = rep.Trim();
            dossier.RepresentativeIdNumber = request.Representative.IdNumber;
            dossier.RepresentativePhone = request.Representative.Phone;
            dossier.AuthorisationDocument = request.Representative.AuthorisationDocument;
        }
        var calendar = await calendars.GetAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unit = await db.Agencies.AsNoTracking().SingleAsync(x => x.Id == dossier.ReceivingAgencyId, ct);
        dossier.Code = await DossierCodes.IssueAsync(db, unit.Qcvn102Code, now, ct);
        dossier.ReceivedById = actor.UserId;
        DossierWorkflow.StartClock(dossier, calendar, now);
        dossier.StepDueAt = ForwardDeadline(calendar, now);
        db.Dossiers.Add(dossier);
        DossierIntake.Attach(dossier, files);
        DossierWorkflow.Created(db, dossier, actor, now, channel == Channel.Postal ? "Tiếp nhận hồ sơ qua bưu chính" : "Tiếp nhận hồ sơ trực tiếp");
        NotificationOutboxHandler.Queue(db, now, dossier.ApplicantEmail, dossier.ApplicantPhone, $"Hồ sơ {dossier.Code} đã được tiếp nhận",
            $"Hồ sơ \"{dossier.ProcedureName}\" đã được tiếp nhận với mã {dossier.Code}. Hẹn trả kết quả: {DossierWorkflow.DueText(dossier)}. Giấy tiếp nhận (Mẫu 01) gửi kèm.",
            dossier.Code, new FormAttachment(dossier.Code, "01"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (SubmitDossierHandler.Receipt(dossier), []);
    }

    /// <summary>Decree 61/2018 art. 18: forward the same working day, or at the start of the next one if received after 15:00.</summary>
    public static DateTime ForwardDeadline(WorkingCalendar calendar, DateTime receivedUtc)
    {
        var local = DossierWorkflow.Local(receivedUtc);
        var day = DateOnly.FromDateTime(local);
        if (calendar.IsWorkingDay(day) && TimeOnly.FromDateTime(local) < Deadline.SameDayCutoff)
            return DossierWorkflow.ToUtc(calendar.CloseOf(day));
        var next = calendar.NextWorkingDay(day);
        return DossierWorkflow.ToUtc(next.ToDateTime(calendar.Hours.Sessions[0].Close));
    }

    public static async Task<IResult> Endpoint(HttpRequest http, CounterIntakeRequest? request, ReceiveAtCounterHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(http.HttpContext.User) is not { } actor || !actor.Can(Permissions.DossierReceive))
            return Problems.Problem(403, "forbidden", "Không có quyền tiếp nhận hồ sơ");
        var key = http.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
            return Problems.Validation("Idempotency-Key", "Thiếu tiêu đề Idempotency-Key (tối đa 100 ký tự).");
        if (request is null)
            return Problems.Validation("body", "Thiếu nội dung hồ sơ.");
        var (receipt, errors) = await handler.HandleAsync(request, key, actor, ct);
        return receipt is null ? Problems.Validation(errors) : TypedResults.Created($"/api/dossiers/{receipt.Id}", receipt);
    }
}
