using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A file of a dossier for those in the dossier's scope (or its uploader before it is attached).
/// The content is checked against its SHA-256 on every read and always sent as an attachment, never
/// rendered inline (docs/architecture.md#files). Officers' downloads are audited like any read of personal data.
/// </summary>
public sealed class DownloadFileHandler(AppDbContext db, FileStore store, TimeProvider time, ILogger<DownloadFileHandler> log)
{
    public async Task<IResult> HandleAsync(long dossierId, long fileId, DossierActor actor, CancellationToken ct)
    {
        var dossier = await db.Dossiers.AsNoTracking().VisibleTo(actor, db.Consultations).Where(d => d.Id == dossierId).Select(d => new { d.Id }).SingleOrDefaultAsync(ct);
        var file = dossier is null ? null : await db.DossierFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.DossierId == dossierId, ct);
        if (file is null)
            return Problems.NotFound("Không tìm thấy tệp.");
        if (FileScanRules.Unusable(file) is { } unusable)
            return Problems.Problem(409, "file-not-scanned", "Tệp chưa dùng được", unusable);
        byte[] content;
        try
        {
            content = await store.ReadAsync(file.Sha256, ct);
        }
        catch (FileIntegrityException)
        {
            log.LogError("File {FileId} of dossier {DossierId} failed its integrity check", file.Id, dossierId);
            return Problems.Problem(500, "file-corrupted", "Tệp bị hỏng, đã báo quản trị hệ thống", "Nội dung tệp không khớp mã băm SHA-256 đã lưu.");
        }
        catch (IOException)
        {
            return Problems.Problem(500, "file-missing", "Không đọc được tệp, đã báo quản trị hệ thống");
        }
        if (actor.IsOfficer)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = time.GetUtcNow().UtcDateTime,
                UserId = actor.UserId,
                Action = "dossier.file.read",
                EntityType = "DossierFile",
                EntityId = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.File(content, file.ContentType, file.FileName);
    }

    public static async Task<IResult> Endpoint(long id, long fileId, HttpContext http, DownloadFileHandler handler, CancellationToken ct) =>
        DossierActor.From(http.User) is { } actor
            ? await handler.HandleAsync(id, fileId, actor, ct)
            : Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
}
