using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

/// <summary>A file of a dossier read from the store (hash checked), or the problem that stopped the read.</summary>
public sealed record DossierFileRead(DossierFile? File, byte[]? Content, IResult? Problem);

/// <summary>
/// A file of a dossier for those in the dossier's scope (or its uploader before it is attached).
/// The content is checked against its SHA-256 on every read and always sent as an attachment, never
/// rendered inline (docs/architecture.md#files); the officers' in-page preview is <see cref="PreviewFileHandler"/>.
/// Officers' downloads are audited like any read of personal data.
/// </summary>
public sealed class DownloadFileHandler(AppDbContext db, FileStore store, TimeProvider time, ILogger<DownloadFileHandler> log)
{
    public async Task<IResult> HandleAsync(long dossierId, long fileId, DossierActor actor, CancellationToken ct)
    {
        var read = await ReadAsync(dossierId, fileId, actor, "dossier.file.read", ct);
        return read.Problem ?? TypedResults.File(read.Content!, read.File!.ContentType, read.File.FileName);
    }

    /// <summary>
    /// Scope, scan state and integrity checks, then the content; an officer's read is written to the
    /// audit log under <paramref name="auditAction"/> (Decree 356/2025 processing log).
    /// </summary>
    public async Task<DossierFileRead> ReadAsync(long dossierId, long fileId, DossierActor actor, string auditAction, CancellationToken ct)
    {
        var dossier = await db.Dossiers.AsNoTracking().VisibleTo(actor, db.Consultations).Where(d => d.Id == dossierId).Select(d => new { d.Id }).SingleOrDefaultAsync(ct);
        var file = dossier is null ? null : await db.DossierFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.DossierId == dossierId, ct);
        if (file is null)
            return new(null, null, Problems.NotFound("Không tìm thấy tệp."));
        if (FileScanRules.Unusable(file) is { } unusable)
            return new(file, null, Problems.Problem(409, "file-not-scanned", "Tệp chưa dùng được", unusable));
        byte[] content;
        try
        {
            content = await store.ReadAsync(file.Sha256, ct);
        }
        catch (FileIntegrityException)
        {
            log.LogError("File {FileId} of dossier {DossierId} failed its integrity check", file.Id, dossierId);
            return new(file, null, Problems.Problem(500, "file-corrupted", "Tệp bị hỏng, đã báo quản trị hệ thống", "Nội dung tệp không khớp mã băm SHA-256 đã lưu."));
        }
        catch (IOException)
        {
            return new(file, null, Problems.Problem(500, "file-missing", "Không đọc được tệp, đã báo quản trị hệ thống"));
        }
        if (actor.IsOfficer)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = time.GetUtcNow().UtcDateTime,
                UserId = actor.UserId,
                AgencyId = actor.AgencyId,
                Action = auditAction,
                EntityType = "DossierFile",
                EntityId = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            await db.SaveChangesAsync(ct);
        }
        return new(file, content, null);
    }

    public static async Task<IResult> Endpoint(long id, long fileId, HttpContext http, DownloadFileHandler handler, CancellationToken ct) =>
        DossierActor.From(http.User) is { } actor
            ? await handler.HandleAsync(id, fileId, actor, ct)
            : Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
}
