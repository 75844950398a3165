using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Data;

/// <summary>
/// Command-line verbs of the deployable: `migrate` (the explicit migrate step for PostgreSQL
/// deployments) and `schema-script` (prints EF's CREATE script for the configured provider, as
/// the starting point of a new reviewed migration script).
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
        {
            await migrator.MigrateAsync();
            return;
        }
        var pending = await migrator.PendingAsync();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The database schema is behind ({string.Join(", ", pending)}). Run the migrate step first: dotnet MotCua.Web.dll migrate");
    }
}
