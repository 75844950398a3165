using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Files;

namespace MotCua.Web.Features.Integrations.DvcqgInbound;

/// <summary>A file of an inbound dossier that passed the checks, held in memory until the dossier is stored.</summary>
public sealed record CheckedFile(InboundDocument Document, MemoryStream Content, DocumentFileType Type, FileScanState State);

/// <summary>
/// The upload checks of MotCua's own portal applied to every file of an inbound dossier, before
/// anything is stored: the size limits (one file, the whole dossier), the type decided and parsed from
/// the content (<see cref="InspectUpload"/>), and the ClamAV scan (OWASP ASVS 5.0 5.2.2, 5.2.3, 5.4.3).
/// Infected or hostile content is refused and reported (content hash and reason only, as an upload is);
/// a file clamd could not scan is kept "awaiting scan" like an upload, and the background rescan decides.
/// </summary>
public sealed class InboundFileCheck(AppDbContext db, InboundFileSource source, FileStore store, ClamdClient clamd, TimeProvider time)
{
    /// <summary>Every file, or the Vietnamese reason the dossier is refused (then nothing is kept in memory).</summary>
    public async Task<(List<CheckedFile>? Files, string? Error)> CheckAsync(InboundDossier inbound, CancellationToken ct)
    {
        var files = new List<CheckedFile>();
        long total = 0;
        foreach (var document in inbound.Documents)
        {
            var (file, error) = await CheckOneAsync(document, ct);
            if (file is not null && (total += file.Content.Length) > store.Options.MaxDossierBytes)
                error = $"Tổng dung lượng hồ sơ vượt quá {store.Options.MaxDossierBytes / 1024 / 1024} MB.";
            if (error is not null)
            {
                file?.Content.Dispose();
                foreach (var f in files)
                    await f.Content.DisposeAsync();
                return (null, error);
            }
            files.Add(file!);
        }
        return (files, null);
    }

    private async Task<(CheckedFile? File, string? Error)> CheckOneAsync(InboundDocument document, CancellationToken ct)
    {
        var options = store.Options;
        var (content, error) = await source.GetAsync(document, options.MaxFileBytes, ct);
        if (content is null)
            return (null, error);
        var name = InboundDossier.Short(document.FileName);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
        var (type, rejection) = InspectUpload.Inspect(content, new PackageLimits(options.MaxPackageEntries, options.MaxPackageInflatedBytes));
        if (rejection is not null || type is null)
        {
            var why = rejection ?? InspectUpload.UnknownType;
            await ReportAsync("security.upload-rejected", sha256, why.Code, ct);
            content.Dispose();
            return (null, $"Tệp \"{name}\": {why.Message}");
        }
        var state = FileScanState.NotScanned;
        if (clamd.IsConfigured)
        {
            var scan = await clamd.ScanAsync(content.GetBuffer().AsMemory(0, (int)content.Length), ct);
            if (scan.Verdict == ScanVerdict.Infected)
            {
                await ReportAsync("security.upload-infected", sha256, scan.Signature, ct);
                content.Dispose();
                return (null, $"Tệp \"{name}\" có chứa mã độc nên hồ sơ không được nhận.");
            }
            state = scan.Verdict == ScanVerdict.Clean ? FileScanState.Clean : FileScanState.AwaitingScan;
        }
        content.Position = 0;
        return (new CheckedFile(document, content, type.Value, state), null);
    }

    // Identifiers only, as for an upload: the content hash and a reason code or signature name.
    private async Task ReportAsync(string action, string sha256, string? details, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Action = action,
            EntityType = "Upload",
            EntityId = sha256,
            Details = details is null ? "source=dvcqg" : $"{details}; source=dvcqg",
        });
        await db.SaveChangesAsync(ct);
    }
}
