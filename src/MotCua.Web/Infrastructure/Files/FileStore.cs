using System.Security.Cryptography;

namespace MotCua.Web.Infrastructure.Files;

/// <summary>Configuration "Files": where files live and how large they may be (docs/domain/dossier-handling.md#files: 20 MB a file, 100 MB a dossier).</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";
    public string Root { get; set; } = Path.Combine("data", "files");
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;
    public long MaxDossierBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Files an account may hold uploaded but not yet attached to a dossier (OWASP ASVS 5.0 5.2.4).</summary>
    public int MaxPendingFiles { get; set; } = 50;
    public long MaxPendingBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>DOCX/XLSX: entries and total inflated size (OWASP ASVS 5.0 5.2.3).</summary>
    public int MaxPackageEntries { get; set; } = 1_000;
    public long MaxPackageInflatedBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Uploads never attached are removed after this long.</summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Background rescans of files awaiting the scanner and removal of orphans; tests run passes themselves.</summary>
    public bool MaintenanceEnabled { get; set; } = true;
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed record StoredFile(string Sha256, long Size);

public sealed class FileIntegrityException(string sha256) : IOException($"Stored file {sha256} does not match its hash.");

/// <summary>
/// Content-addressed file store (docs/architecture.md#files): a file is kept once under its SHA-256, written to a
/// temporary name and moved into place, so a crash never leaves a half-written file under a valid
/// name; the hash is checked again on every read. <see cref="SaveAsync"/> returns only when the file
/// and its folder entry are on stable storage (fsync), so the row that points to it commits after them.
/// </summary>
public sealed class FileStore(FileStoreOptions options, IDiskSync? disk = null)
{
    private readonly IDiskSync _disk = disk ?? new PosixDiskSync();

    public FileStoreOptions Options => options;

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(options.Root, "tmp"));
        var temp = Path.Combine(options.Root, "tmp", Guid.NewGuid().ToString("N"));
        long size;
        string hash;
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            await file.FlushAsync(ct);
            _disk.FlushFile(file);
            size = file.Length;
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        var target = PathOf(hash);
        var folder = Path.GetDirectoryName(target)!;
        var newFolder = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        if (File.Exists(target))
        {
            File.Delete(temp);
            // Stored before, possibly by an upload that crashed before its own flush: flush it now.
            await using var existing = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            _disk.FlushFile(existing);
        }
        else
        {
            File.Move(temp, target, overwrite: true);
        }
        // The rename is durable only once the folder holding the new name is flushed; a new hash
        // folder also needs its own name flushed in the root.
        _disk.FlushDirectory(folder);
        if (newFolder)
            _disk.FlushDirectory(options.Root);
        return new StoredFile(hash, size);
    }

    /// <summary>The whole content, after checking it against its hash.</summary>
    public async Task<byte[]> ReadAsync(string sha256, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(PathOf(sha256), ct);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256, StringComparison.Ordinal))
            throw new FileIntegrityException(sha256);
        return bytes;
    }

    /// <summary>
    /// Takes content out of the store: moved to the quarantine folder (outside the hashed tree, so
    /// nothing serves it) when infected, deleted otherwise. Missing content is not an error.
    /// </summary>
    public void Remove(string sha256, bool quarantine)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
            return;
        if (quarantine)
        {
            Directory.CreateDirectory(Path.Combine(options.Root, "quarantine"));
            File.Move(path, Path.Combine(options.Root, "quarantine", sha256), overwrite: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));
        return Path.Combine(options.Root, sha256[..2], sha256);
    }
}
