using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.DemoData;
using MotCua.Web.Features.Statistics.Counters;

namespace MotCua.Web.Data;

/// <summary>
/// Command-line verbs of the deployable: `migrate` (the explicit migrate step for PostgreSQL
/// deployments), `statistics-rebuild` / `statistics-verify` (recount the statistics counters), `audit-verify`
/// (walks the audit hash chain; exit code 1 when a row was changed, deleted or inserted), `demo-seed`
/// (migrate, then load the demo organisation, catalogue, accounts and dossiers on any provider — for
/// benchmarks and demonstrations, never production) and `schema-script` (prints EF's CREATE script for
/// the configured provider, as the starting point of a new reviewed migration script).
/// </summary>
public static class DatabaseCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0)
            return false;
        switch (args[0])
        {
            case "migrate":
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                    Console.WriteLine($"Applied {applied} migration(s).");
                    return true;
                }
            case "schema-script":
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    Console.WriteLine(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
                    return true;
                }
            case "demo-seed":
                {
                    // Explicit on purpose: PostgreSQL never loads demo data by itself (DemoDataSeeder.IsEnabled),
                    // because the demo accounts have a published password.
                    Console.Error.WriteLine($"WARNING: demo-seed creates demo accounts with the known password {DemoDataSeeder.DemoPassword}. Never run it on a production database.");
                    await using var scope = app.Services.CreateAsyncScope();
                    var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                    var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
                    Console.WriteLine(seeded
                        ? $"Applied {applied} migration(s); demo data loaded."
                        : $"Applied {applied} migration(s); the database already has agencies, demo data not loaded.");
                    return true;
                }
            case "statistics-rebuild":
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var rows = await CounterRebuild.RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
                    Console.WriteLine($"Statistics counters rebuilt: {rows} row(s).");
                    return true;
                }
            case "statistics-verify":
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var differences = await CounterRebuild.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
                    foreach (var d in differences.Take(100))
                        Console.WriteLine(d);
                    Console.WriteLine($"Statistics counters: {differences.Count} difference(s) from a recount of the dossiers.");
                    Environment.ExitCode = differences.Count == 0 ? 0 : 1;
                    return true;
                }
            case "audit-verify":
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var result = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
                    foreach (var problem in result.Problems.Take(1000))
                        Console.WriteLine(problem);
                    Console.WriteLine($"Audit chain: {result.RowsChecked} sealed row(s) checked, {result.Unsealed} not yet sealed, {result.Problems.Count} problem(s).");
                    Environment.ExitCode = result.Problems.Count == 0 ? 0 : 1;
                    return true;
                }
            default:
                return false;
        }
    }

    /// <summary>At start: migrate the embedded database, or refuse to serve on a schema that is behind.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (options.ShouldMigrateOnStart)
            await migrator.MigrateAsync();
        else
        {
            var pending = await migrator.PendingAsync();
            if (pending.Count > 0)
                throw new InvalidOperationException(
                    $"The database schema is behind ({string.Join(", ", pending)}). Run the migrate step first: dotnet MotCua.Web.dll migrate");
        }
        await CounterRebuild.EnsureAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
    }
}
