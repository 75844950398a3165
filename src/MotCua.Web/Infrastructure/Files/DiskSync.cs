using System.Runtime.InteropServices;

namespace MotCua.Web.Infrastructure.Files;

/// <summary>
/// Makes written files durable before anything that points to them commits (docs/architecture.md#files):
/// a file's data (fsync of the file) and its name in a folder (fsync of the folder, without which a
/// power cut after a rename can lose the new name although the data blocks are on disk).
/// </summary>
public interface IDiskSync
{
    /// <summary>Data and metadata of an open file written to stable storage.</summary>
    void FlushFile(FileStream file);

    /// <summary>The entries of a folder (names created, renamed or removed) written to stable storage.</summary>
    void FlushDirectory(string path);
}

/// <summary>
/// fsync(2) through the file handle, and for a folder through libc (.NET cannot open a folder as a
/// file). On Windows NTFS journals the metadata and a folder cannot be flushed: only files are.
/// </summary>
public sealed partial class PosixDiskSync : IDiskSync
{
    private const int ReadOnly = 0; // O_RDONLY
    private const int DirectoryOnly = 0x10000; // O_DIRECTORY on Linux x64/arm64

    public void FlushFile(FileStream file) => file.Flush(flushToDisk: true);

    public void FlushDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        var flags = OperatingSystem.IsLinux() ? ReadOnly | DirectoryOnly : ReadOnly;
        var fd = Native.Open(path, flags);
        if (fd < 0)
            throw new IOException($"Cannot open folder {path} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Native.Fsync(fd) != 0)
                throw new IOException($"fsync of folder {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        internal static partial int Fsync(int fd);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        internal static partial int Close(int fd);
    }
}
