using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Files;

namespace MotCua.Web.Features.Integrations.DvcqgInbound;

/// <summary>The answer DVCQG reads: 0 created, 1 national code already known, -1 refused (docs/integrations/dvcqg-inbound.md#answers).</summary>
public sealed record DvcqgAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("error_code")] int ErrorCode,
    [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message)
{
    public const int Created = 0;
    public const int Duplicate = 1;
    public const int Refused = -1;
}

/// <summary>
/// A dossier submitted on the National Public Service Portal and pushed to MotCua
/// (docs/integrations/dvcqg-inbound.md): it becomes an online dossier waiting for reception (status 1)
/// in the receiving unit's queue, keeping the national code beside the code MotCua gives at
/// acceptance (Circular 01/2018 art. 19), so an officer receives it exactly like one from MotCua's
/// portal. Every file passes the upload checks (content type, structure, ClamAV) before anything is
/// written; the dossier, its files, its history row and the audit row are one SaveChanges, and a
/// file stored for a dossier that then fails to commit is removed again: never half-created.
/// </summary>
public sealed class ReceiveDvcqgDossierHandler(AppDbContext db, DossierIntake intake, InboundFileCheck checker, FileStore store,
    TimeProvider time, ILogger<ReceiveDvcqgDossierHandler> log)
{
    /// <summary>Who appears in the history and audit: the national portal, not a person.</summary>
    public const string ActorName = "Cổng Dịch vụ công quốc gia";

    private static readonly DossierActor System = new(0, ActorName, false, null, new HashSet<string>());

    public async Task<DvcqgAnswer> HandleAsync(JsonElement body, CancellationToken ct)
    {
        var (inbound, error) = InboundDossier.Read(body);
        if (inbound is null)
            return await RefuseAsync(InboundDossier.Text(body, "MaHoSo"), error!, ct);
        if (await db.Dossiers.AsNoTracking().AnyAsync(d => d.NationalCode == inbound.NationalCode, ct))
            return Duplicate(inbound.NationalCode);

        string? agencyCode = null;
        if (inbound.UnitCode is { } unit)
        {
            agencyCode = await db.Agencies.AsNoTracking().Where(a => a.Qcvn102Code == unit).OrderBy(a => a.Id).Select(a => a.Code).FirstOrDefaultAsync(ct);
            if (agencyCode is null)
                return await RefuseAsync(inbound.NationalCode, $"Không có đơn vị tiếp nhận với mã {unit} (MaDonVi).", ct);
        }
        var formData = JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["trichYeuHoSo"] = inbound.Summary });
        var (dossier, _, errors) = await intake.PrepareAsync(new IntakeRequest(inbound.ProcedureCode, inbound.CaseCode, agencyCode, formData, null),
            Channel.Online, System, requireDocuments: false, ct, checkFormData: false);
        if (dossier is null || errors.Count > 0)
            return await RefuseAsync(inbound.NationalCode, Reason(errors), ct);

        var (files, fileError) = await checker.CheckAsync(inbound, ct);
        if (fileError is not null)
            return await RefuseAsync(inbound.NationalCode, fileError, ct);

        var now = time.GetUtcNow().UtcDateTime;
        Fill(dossier, inbound, now);
        var stored = new List<string>();
        try
        {
            foreach (var (document, content, type, state) in files!)
            {
                var saved = await store.SaveAsync(content, ct);
                stored.Add(saved.Sha256);
                db.DossierFiles.Add(new DossierFile
                {
                    Dossier = dossier,
                    Kind = DossierFileKind.Component,
                    FileName = UploadFileName.Clean(document.FileName) + FileSignature.Extension(type),
                    ContentType = FileSignature.ContentType(type),
                    Size = saved.Size,
                    Sha256 = saved.Sha256,
                    UploadedAt = now,
                    ScanState = state,
                    ScannedAt = state == FileScanState.Clean ? now : null,
                });
            }
            db.Dossiers.Add(dossier);
            DossierWorkflow.Created(db, dossier, System, now, "Nhận hồ sơ nộp trên Cổng Dịch vụ công quốc gia");
            db.AuditEntries.Add(new AuditEntry { At = now, Action = "dvcqg.dossier-received", EntityType = "DvcqgDossier", EntityId = inbound.NationalCode, Details = $"files={files.Count}" });
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or IOException)
        {
            db.ChangeTracker.Clear();
            await RemoveUnreferencedAsync(stored);
            // Two pushes of one national code at once: the unique index lets one through.
            if (await db.Dossiers.AsNoTracking().AnyAsync(d => d.NationalCode == inbound.NationalCode, ct))
                return Duplicate(inbound.NationalCode);
            log.LogError(e, "Inbound DVCQG dossier could not be saved");
            return new DvcqgAnswer(DvcqgAnswer.Refused, "Không lưu được hồ sơ do lỗi hệ thống; vui lòng gửi lại sau.");
        }
        catch (OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            await RemoveUnreferencedAsync(stored);
            throw;
        }
        finally
        {
            foreach (var file in files!)
                await file.Content.DisposeAsync();
        }
        return new DvcqgAnswer(DvcqgAnswer.Created, $"{inbound.NationalCode}|Tiếp nhận hồ sơ thành công, mã hồ sơ trong hệ thống một cửa: {dossier.Id}");
    }

    private static void Fill(Dossier dossier, InboundDossier inbound, DateTime now)
    {
        dossier.NationalCode = inbound.NationalCode;
        dossier.SubmittedAt = inbound.SubmittedAtUtc <= now ? inbound.SubmittedAtUtc : now;
        dossier.ApplicantType = inbound.ApplicantType;
        dossier.ApplicantName = inbound.ApplicantName;
        dossier.ApplicantIdNumber = inbound.IdNumber;
        dossier.ApplicantPhone = inbound.Phone;
        dossier.ApplicantEmail = inbound.Email;
        dossier.CheckIdLast4 = TrackingCheck.LastFour(inbound.IdNumber);
        dossier.CheckPhoneLast4 = TrackingCheck.LastFour(inbound.Phone);
    }

    private async Task<DvcqgAnswer> RefuseAsync(string? nationalCode, string reason, CancellationToken ct)
    {
        // The refusal is kept (code only, no personal data) so the administrator can answer DVCQG's questions.
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Action = "dvcqg.dossier-refused",
            EntityType = "DvcqgDossier",
            EntityId = nationalCode is { Length: > 0 and <= 100 } ? nationalCode : "-",
            Outcome = AuditOutcome.Failed,
        });
        await db.SaveChangesAsync(ct);
        return new DvcqgAnswer(DvcqgAnswer.Refused, reason);
    }

    private static DvcqgAnswer Duplicate(string nationalCode) =>
        new(DvcqgAnswer.Duplicate, $"{nationalCode}|Hồ sơ đã tồn tại trong hệ thống một cửa điện tử");

    private static string Reason(IReadOnlyList<FieldError> errors) => (errors.Count > 0 ? errors[0].Field : null) switch
    {
        "procedureCode" => "Thủ tục (MaTTHC) không có hoặc chưa có hiệu lực, chưa cung cấp trực tuyến tại tỉnh: " + errors[0].Message,
        "caseCode" => "Thủ tục có nhiều trường hợp giải quyết; cần mã trường hợp (MaTruongHop).",
        "receivingAgency" => "Thủ tục có nhiều nơi tiếp nhận; cần mã đơn vị tiếp nhận (MaDonVi) là một nơi cung cấp thủ tục.",
        _ => errors.Count > 0 ? errors[0].Message : "Hồ sơ không hợp lệ.",
    };

    /// <summary>Content-addressed files may be shared: only content no row refers to is removed.</summary>
    private async Task RemoveUnreferencedAsync(List<string> stored)
    {
        foreach (var sha in stored.Distinct())
        {
            if (!await db.DossierFiles.AsNoTracking().AnyAsync(f => f.Sha256 == sha, CancellationToken.None))
                store.Remove(sha, quarantine: false);
        }
    }
}
