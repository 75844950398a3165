using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record UploadedFileResponse(long Id, string FileName, string ContentType, long Size, string Sha256, FileScanState ScanState);

public enum UploadRefusal { None, Invalid, TooLarge, Infected, QuotaExceeded }

/// <summary>
/// Stores one document file before it is attached to a dossier. The type is decided from the
/// content, which must also parse as that type (<see cref="InspectUpload"/>); an account holds a
/// limited number of unattached files; the content is scanned by ClamAV before it is stored —
/// infected content is refused and reported, and when clamd does not answer the file is kept as
/// "awaiting scan", unusable until the background rescan finds it clean (OWASP ASVS 5.0 5.4.3).
/// </summary>
public sealed class UploadFileHandler(AppDbContext db, FileStore store, ClamdClient clamd, TimeProvider time)
{
    public async Task<(UploadedFileResponse? File, IReadOnlyList<FieldError> Errors)> HandleAsync(IFormFile? file, DossierActor actor, CancellationToken ct)
    {
        var (stored, errors, _) = await UploadAsync(file, actor, ct);
        return (stored, errors);
    }

    public async Task<(UploadedFileResponse? File, IReadOnlyList<FieldError> Errors, UploadRefusal Refusal)> UploadAsync(IFormFile? file, DossierActor actor, CancellationToken ct)
    {
        var options = store.Options;
        if (file is null || file.Length == 0)
            return Refuse(UploadRefusal.Invalid, "Vui lòng chọn tệp.");
        if (file.Length > options.MaxFileBytes)
            return Refuse(UploadRefusal.TooLarge, $"Tệp vượt quá {Size(options.MaxFileBytes)}.");
        var pending = db.DossierFiles.Where(f => f.OwnerAccountId == actor.UserId && f.DossierId == null && f.ScanState != FileScanState.Infected);
        // Count and size of the pending files in one read.
        var held = await db.UserAccounts.Where(u => u.Id == actor.UserId)
            .Select(u => new { Files = pending.Count(), Bytes = pending.Sum(f => (long?)f.Size) ?? 0 }).FirstOrDefaultAsync(ct);
        if ((held?.Files ?? 0) >= options.MaxPendingFiles || (held?.Bytes ?? 0) + file.Length > options.MaxPendingBytes)
            return Refuse(UploadRefusal.QuotaExceeded,
                $"Bạn đang có quá nhiều tệp đã tải lên nhưng chưa dùng (tối đa {options.MaxPendingFiles} tệp, {options.MaxPendingBytes / 1024 / 1024} MB); vui lòng nộp hoặc lưu hồ sơ trước, tệp chưa dùng được xóa sau một ngày.");

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        var bytes = content.GetBuffer().AsMemory(0, (int)content.Length);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        var now = time.GetUtcNow().UtcDateTime;
        var (type, rejection) = InspectUpload.Inspect(content, new PackageLimits(options.MaxPackageEntries, options.MaxPackageInflatedBytes));
        if (rejection is not null || type is null)
        {
            await ReportAsync("security.upload-rejected", actor, sha256, (rejection ?? InspectUpload.UnknownType).Code, now, ct);
            return Refuse(UploadRefusal.Invalid, (rejection ?? InspectUpload.UnknownType).Message);
        }

        var state = FileScanState.NotScanned;
        if (clamd.IsConfigured)
        {
            var scan = await clamd.ScanAsync(bytes, ct);
            if (scan.Verdict == ScanVerdict.Infected)
            {
                // Never written to the store: the upload is refused and only reported.
                await ReportAsync("security.upload-infected", actor, sha256, scan.Signature, now, ct);
                return Refuse(UploadRefusal.Infected, "Tệp có chứa mã độc nên không được nhận; vui lòng kiểm tra lại máy tính và tệp.");
            }
            state = scan.Verdict == ScanVerdict.Clean ? FileScanState.Clean : FileScanState.AwaitingScan;
        }

        content.Position = 0;
        var stored = await store.SaveAsync(content, ct);
        var row = new DossierFile
        {
            OwnerAccountId = actor.UserId,
            Kind = DossierFileKind.Component,
            FileName = UploadFileName.Clean(file.FileName) + FileSignature.Extension(type.Value),
            ContentType = FileSignature.ContentType(type.Value),
            Size = stored.Size,
            Sha256 = stored.Sha256,
            UploadedAt = now,
            ScanState = state,
            ScannedAt = state == FileScanState.Clean ? now : null,
        };
        db.DossierFiles.Add(row);
        await db.SaveChangesAsync(ct);
        return (new UploadedFileResponse(row.Id, row.FileName, row.ContentType, row.Size, row.Sha256, row.ScanState), [], UploadRefusal.None);
    }

    private static (UploadedFileResponse?, IReadOnlyList<FieldError>, UploadRefusal) Refuse(UploadRefusal refusal, string message) =>
        (null, [new FieldError("file", message)], refusal);

    // Identifiers only: the content hash and a reason code or signature name, never the file name.
    private async Task ReportAsync(string action, DossierActor actor, string sha256, string? details, DateTime now, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry { At = now, UserId = actor.UserId, Action = action, EntityType = "Upload", EntityId = sha256, Details = details });
        await db.SaveChangesAsync(ct);
    }

    public static async Task<IResult> Endpoint(HttpRequest request, UploadFileHandler handler, FileStoreOptions options, CancellationToken ct)
    {
        if (DossierActor.From(request.HttpContext.User) is not { } actor)
            return Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
        if (!request.HasFormContentType)
            return Problems.Validation("file", "Gửi tệp dạng multipart/form-data, trường \"file\".");
        var tooLarge = Problems.Problem(413, "too-large", "Tệp quá lớn", $"Tệp vượt quá {Size(options.MaxFileBytes)}.");
        if (request.ContentLength > options.MaxFileBytes + MultipartOverheadBytes)
            return tooLarge;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            // Past the multipart limit, or malformed, e.g. a raw CR/LF inside the file name's header line.
            return FormErrorStatus(e) == StatusCodes.Status413PayloadTooLarge
                ? tooLarge
                : Problems.Problem(400, "bad-multipart", "Dữ liệu tệp gửi lên không đúng định dạng multipart/form-data");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        var (file, errors, refusal) = await handler.UploadAsync(form.Files.GetFile("file"), actor, ct);
        return refusal switch
        {
            UploadRefusal.None => TypedResults.Created($"/api/files/{file!.Id}", file),
            UploadRefusal.TooLarge => tooLarge,
            UploadRefusal.Infected => Problems.Problem(422, "upload-infected", "Tệp có chứa mã độc", errors[0].Message),
            UploadRefusal.QuotaExceeded => Problems.Problem(409, "upload-quota-exceeded", "Quá nhiều tệp chưa dùng", errors[0].Message),
            _ => Problems.Validation(errors),
        };
    }

    /// <summary>
    /// A form that pages could not read (ASP.NET's multipart reader throws InvalidDataException):
    /// 413 past the multipart length limit, 400 when malformed; null for any other exception.
    /// </summary>
    public static int? StatusOfFormError(Exception ex) =>
        ex is InvalidDataException { Source: "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Http" } bad ? FormErrorStatus(bad) : null;

    private static int FormErrorStatus(InvalidDataException e) =>
        e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";

    /// <summary>Room for the multipart boundaries and headers around one file.</summary>
    public const long MultipartOverheadBytes = 1024 * 1024;
}
