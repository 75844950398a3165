using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;

namespace MotCua.Tests.Web.Audit;

/// <summary>The audit hash chain: sealed by any node, verified by `audit-verify`, which reports changed, deleted and inserted rows.</summary>
public class AuditChainTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChangedDeletedAndInsertedRows_AreReportedByTheVerifyVerb(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: false);
        await WriteRowsAsync(host, 5, "test.event");
        await SealAsync(host);
        var (clean, cleanOutput) = await RunVerbAsync(host);
        Assert.True(clean == 0, cleanOutput);
        Assert.Contains("5 sealed row(s) checked", cleanOutput, StringComparison.Ordinal);

        long[] ids;
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            ids = await db.AuditEntries.OrderBy(a => a.ChainSeq).Select(a => a.Id).ToArrayAsync();
            await db.AuditEntries.Where(a => a.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(a => a.AccountName, "someone.else"));
        }
        var (changed, changedOutput) = await RunVerbAsync(host);
        Assert.Equal(1, changed);
        Assert.Contains($"Row {ids[1]} at position 2 does not match its hash", changedOutput, StringComparison.Ordinal);

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.AuditEntries.Where(a => a.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(a => a.AccountName, (string?)null));
            Assert.Empty((await AuditChain.VerifyAsync(db, default)).Problems); // restored
            await db.AuditEntries.Where(a => a.Id == ids[2]).ExecuteDeleteAsync();
        }
        var (deleted, deletedOutput) = await RunVerbAsync(host);
        Assert.Equal(1, deleted);
        Assert.Contains("Positions 3–3 are missing: deleted.", deletedOutput, StringComparison.Ordinal);

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Action = "forged", EntityType = "X", EntityId = "1", ChainSeq = 99, Hash = new string('a', 64) });
            await db.SaveChangesAsync();
        }
        var (_, insertedOutput) = await RunVerbAsync(host);
        Assert.Contains("beyond the sealed head 5: inserted", insertedOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeletingTheNewestRows_IsReported(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: false);
        await WriteRowsAsync(host, 3, "test.event");
        await SealAsync(host);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.AuditEntries.Where(a => a.ChainSeq == 3).ExecuteDeleteAsync();
        Assert.Contains("Positions 3–3 are missing: deleted.", (await AuditChain.VerifyAsync(db, default)).Problems);
    }

    /// <summary>Two nodes write and seal at the same time: the chain still verifies and every row is in it exactly once.</summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConcurrentWritersAndSealers_YieldOneVerifiableChain(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: false);
        var work = Enumerable.Range(0, 4).Select(node => Task.Run(async () =>
        {
            for (var round = 0; round < 5; round++)
            {
                await WriteRowsAsync(host, 3, $"node{node}.event");
                await SealAsync(host);
            }
        }));
        await Task.WhenAll(work);
        await SealAsync(host);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = await AuditChain.VerifyAsync(db, default);
        Assert.Empty(result.Problems);
        Assert.Equal(60, result.RowsChecked);
        Assert.Equal(0, result.Unsealed);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long?)i), await db.AuditEntries.OrderBy(a => a.ChainSeq).Select(a => a.ChainSeq).ToListAsync());
    }

    private static async Task WriteRowsAsync(WebHost host, int count, string action)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < count; i++)
            db.AuditEntries.Add(new AuditEntry { At = host.Time.GetUtcNow().UtcDateTime, Action = action, EntityType = "Test", EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync();
    }

    private static async Task SealAsync(WebHost host)
    {
        await using var scope = host.Scope();
        await AuditChain.SealAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), default);
    }

    /// <summary>Runs `dotnet MotCua.Web.dll audit-verify` against the host's database, as an operator would.</summary>
    private static async Task<(int ExitCode, string Output)> RunVerbAsync(WebHost host)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MotCua.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("audit-verify");
        start.Environment["Database__Provider"] = host.Kind.ToString();
        start.Environment["Database__ConnectionString"] = host.ConnectionString;
        start.Environment["Database__MigrateOnStart"] = "false";
        start.Environment["DemoData__Enabled"] = "false";
        start.Environment["Audit__PipelineEnabled"] = "false";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(Path.GetTempPath(), "motcua-tests", "verb-keys");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
