using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record UploadedFileResponse(long Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// Stores one document file before it is attached to a dossier. The type is decided from the
/// content (PDF, JPEG, PNG, DOCX, XLSX), never from the name; size is limited; the SHA-256 is kept.
/// </summary>
public sealed class UploadFileHandler(AppDbContext db, FileStore store, TimeProvider time)
{
    public async Task<(UploadedFileResponse? File, IReadOnlyList<FieldError> Errors)> HandleAsync(IFormFile? file, DossierActor actor, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return (null, [new FieldError("file", "Vui lòng chọn tệp.")]);
        if (file.Length > store.Options.MaxFileBytes)
            return (null, [new FieldError("file", $"Tệp vượt quá {store.Options.MaxFileBytes / 1024 / 1024} MB.")]);
        await using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        content.Position = 0;
        if (FileSignature.Detect(content) is not { } type)
            return (null, [new FieldError("file", "Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX; nội dung tệp không đúng định dạng.")]);
        content.Position = 0;
        var stored = await store.SaveAsync(content, ct);
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(file.FileName));
        name = string.Concat((string.IsNullOrWhiteSpace(name) ? "tep" : name).Where(c => !char.IsControl(c) && c is not ('/' or '\\')).Take(150));
        var row = new DossierFile
        {
            OwnerAccountId = actor.UserId,
            Kind = DossierFileKind.Component,
            FileName = name + FileSignature.Extension(type),
            ContentType = FileSignature.ContentType(type),
            Size = stored.Size,
            Sha256 = stored.Sha256,
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        db.DossierFiles.Add(row);
        await db.SaveChangesAsync(ct);
        return (new UploadedFileResponse(row.Id, row.FileName, row.ContentType, row.Size, row.Sha256), []);
    }

    public static async Task<IResult> Endpoint(HttpRequest request, UploadFileHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(request.HttpContext.User) is not { } actor)
            return Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
        if (!request.HasFormContentType)
            return Problems.Validation("file", "Gửi tệp dạng multipart/form-data, trường \"file\".");
        var form = await request.ReadFormAsync(ct);
        var (file, errors) = await handler.HandleAsync(form.Files.GetFile("file"), actor, ct);
        return file is null ? Problems.Validation(errors) : TypedResults.Created($"/api/files/{file.Id}", file);
    }
}
