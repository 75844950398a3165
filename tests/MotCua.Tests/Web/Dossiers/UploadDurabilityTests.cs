using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Files;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>An uploaded file and its folder entry are on stable storage before the row that points to it commits.</summary>
public class UploadDurabilityTests
{
    [Fact]
    public async Task Upload_FlushesFileAndFolderBeforeItsRowIsInserted()
    {
        var steps = new ConcurrentQueue<string>();
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: true, services: s =>
        {
            s.AddSingleton<IDiskSync>(new RecordingDiskSync(steps));
            s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(new FileRowInsertions(steps)));
        });
        var (citizen, _, _) = await NewCitizenAsync(host);
        var content = (byte[])[.. Pdf, .. Encoding.ASCII.GetBytes(Guid.NewGuid().ToString())];
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var root = Path.GetFullPath(host.Services.GetRequiredService<FileStoreOptions>().Root);
        var folder = Path.Combine(root, sha256[..2]);

        steps.Clear();
        await UploadAsync(citizen, content);
        var first = steps.ToList();
        var insert = first.IndexOf("insert DossierFiles");
        Assert.True(insert > 0, string.Join(" | ", first));
        var before = first[..insert];
        Assert.Contains(before, s => s.StartsWith("file ", StringComparison.Ordinal));
        Assert.Contains("folder " + folder, before);
        Assert.True(File.Exists(Path.Combine(folder, sha256)));

        // The same content again (deduplicated): the stored file and its folder are flushed again before the new row.
        steps.Clear();
        await UploadAsync(citizen, content);
        var second = steps.ToList();
        insert = second.IndexOf("insert DossierFiles");
        Assert.True(insert > 0, string.Join(" | ", second));
        Assert.Contains("file " + Path.Combine(folder, sha256), second[..insert]);
        Assert.Contains("folder " + folder, second[..insert]);
    }

    /// <summary>The real fsync, with each call written down in order.</summary>
    private sealed class RecordingDiskSync(ConcurrentQueue<string> steps) : IDiskSync
    {
        private readonly PosixDiskSync _real = new();

        public void FlushFile(FileStream file)
        {
            _real.FlushFile(file);
            steps.Enqueue("file " + Path.GetFullPath(file.Name));
        }

        public void FlushDirectory(string path)
        {
            _real.FlushDirectory(path);
            steps.Enqueue("folder " + Path.GetFullPath(path));
        }
    }

    private sealed class FileRowInsertions(ConcurrentQueue<string> steps) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"DossierFiles\"", StringComparison.Ordinal))
                steps.Enqueue("insert DossierFiles");
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
