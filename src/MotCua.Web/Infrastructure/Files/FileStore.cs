using System.Security.Cryptography;

namespace MotCua.Web.Infrastructure.Files;

/// <summary>Configuration "Files": where files live and how large they may be (issue 3: 20 MB a file, 100 MB a dossier).</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";
    public string Root { get; set; } = Path.Combine("data", "files");
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;
    public long MaxDossierBytes { get; set; } = 100L * 1024 * 1024;
}

public sealed record StoredFile(string Sha256, long Size);

public sealed class FileIntegrityException(string sha256) : IOException($"Stored file {sha256} does not match its hash.");

/// <summary>
/// Content-addressed file store (DESIGN §4): a file is kept once under its SHA-256, written to a
/// temporary name and moved into place, so a crash never leaves a half-written file under a valid
/// name; the hash is checked again on every read.
/// </summary>
public sealed class FileStore(FileStoreOptions options)
{
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
            size = file.Length;
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        var target = PathOf(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
            File.Delete(temp);
        else
            File.Move(temp, target, overwrite: true);
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

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));
        return Path.Combine(options.Root, sha256[..2], sha256);
    }
}
