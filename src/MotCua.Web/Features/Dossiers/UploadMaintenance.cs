using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Files;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Background upkeep of uploads: files awaiting the malware scanner (and files stored before a
/// scanner was configured) are scanned as soon as clamd answers — clean ones become usable,
/// infected ones are quarantined and reported; uploads never attached to a dossier are removed
/// after <see cref="FileStoreOptions.OrphanAge"/> with their content when nothing else uses it.
/// </summary>
public sealed class UploadMaintenance(IServiceScopeFactory scopes, FileStoreOptions options, TimeProvider time, ILogger<UploadMaintenance> log)
    : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.MaintenanceEnabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Upload maintenance failed; will retry");
            }
            await Task.Delay(options.MaintenanceInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass: how many files were scanned to a verdict and how many orphans were removed.</summary>
    public async Task<(int Scanned, int Removed)> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<FileStore>();
        var clamd = scope.ServiceProvider.GetRequiredService<ClamdClient>();
        var scanned = clamd.IsConfigured ? await RescanAsync(db, store, clamd, ct) : 0;
        return (scanned, await RemoveOrphansAsync(db, store, ct));
    }

    private async Task<int> RescanAsync(AppDbContext db, FileStore store, ClamdClient clamd, CancellationToken ct)
    {
        var scanned = 0;
        long after = 0;
        while (true)
        {
            var batch = await db.DossierFiles
                .Where(f => (f.ScanState == FileScanState.AwaitingScan || f.ScanState == FileScanState.NotScanned) && f.Id > after)
                .OrderBy(f => f.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
                return scanned;
            foreach (var file in batch)
            {
                after = file.Id;
                if (file.ScanState is not (FileScanState.AwaitingScan or FileScanState.NotScanned))
                    continue; // marked infected with an earlier row of the same content
                byte[] content;
                try
                {
                    content = await store.ReadAsync(file.Sha256, ct);
                }
                catch (IOException e)
                {
                    log.LogError("File {FileId} awaiting scan cannot be read: {Reason}", file.Id, e.Message);
                    continue;
                }
                var result = await clamd.ScanAsync(content, ct);
                if (result.Verdict == ScanVerdict.Unavailable)
                    return scanned;
                var now = time.GetUtcNow().UtcDateTime;
                if (result.Verdict == ScanVerdict.Infected)
                    await QuarantineAsync(db, store, file.Sha256, result.Signature, now, ct);
                else
                {
                    file.ScanState = FileScanState.Clean;
                    file.ScannedAt = now;
                }
                await db.SaveChangesAsync(ct);
                scanned++;
            }
        }
    }

    // Every row of the same content is infected too; each is reported with identifiers only.
    private static async Task QuarantineAsync(AppDbContext db, FileStore store, string sha256, string? signature, DateTime now, CancellationToken ct)
    {
        foreach (var row in await db.DossierFiles.Where(f => f.Sha256 == sha256).ToListAsync(ct))
        {
            row.ScanState = FileScanState.Infected;
            row.ScannedAt = now;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = row.OwnerAccountId,
                Action = "security.upload-infected",
                EntityType = "DossierFile",
                EntityId = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Details = signature,
            });
        }
        store.Remove(sha256, quarantine: true);
    }

    private async Task<int> RemoveOrphansAsync(AppDbContext db, FileStore store, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.OrphanAge;
        var removed = 0;
        while (true)
        {
            var orphans = await db.DossierFiles.Where(f => f.DossierId == null && f.UploadedAt < cutoff).OrderBy(f => f.Id).Take(BatchSize).ToListAsync(ct);
            if (orphans.Count == 0)
                return removed;
            db.DossierFiles.RemoveRange(orphans);
            await db.SaveChangesAsync(ct);
            removed += orphans.Count;
            // Content-addressed: the content goes only when no other row still refers to it.
            foreach (var sha256 in orphans.Where(f => f.ScanState != FileScanState.Infected).Select(f => f.Sha256).Distinct())
                if (!await db.DossierFiles.AnyAsync(f => f.Sha256 == sha256, ct))
                    store.Remove(sha256, quarantine: false);
        }
    }
}

public static class UploadScanningSetup
{
    /// <summary>clamd client and the upload upkeep job; a configuration that requires scanning must say where clamd is.</summary>
    public static IServiceCollection AddUploadScanning(this IServiceCollection services, IConfiguration configuration)
    {
        var clamd = configuration.GetSection(ClamdOptions.Section).Get<ClamdOptions>() ?? new ClamdOptions();
        if (clamd.Required && !clamd.IsConfigured)
            throw new InvalidOperationException(
                $"{ClamdOptions.Section}:Required is true but neither {ClamdOptions.Section}:Host nor {ClamdOptions.Section}:Socket is set; configure clamd or set Required=false (demo only).");
        services.AddSingleton(clamd);
        services.AddSingleton<ClamdClient>();
        services.AddSingleton<UploadMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<UploadMaintenance>());
        return services;
    }
}
