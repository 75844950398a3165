using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Configuration section "Database": Provider (Sqlite default, Postgres) and ConnectionString,
/// so Database__ConnectionString in the environment moves the SQLite file or points at PostgreSQL.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/motcua.db";
    /// <summary>Apply pending migrations at start. Default: on for the embedded SQLite, off for PostgreSQL,
    /// where the operator runs the explicit migrate step (`-- migrate`) before rolling out nodes.</summary>
    public bool? MigrateOnStart { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}

public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres)
            options.ConnectionString = WithAutoPrepare(options.ConnectionString);
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Sqlite)
            EnsureSqliteFolder(options.ConnectionString);
        services.AddDbContext<AppDbContext>(builder => Configure(builder, options));
        services.AddScoped<DatabaseMigrator>();
        // A database that blinks answers 503 with Retry-After, never a 500 (docs/architecture.md#errors).
        services.AddExceptionHandler<Infrastructure.Http.DatabaseUnavailableHandler>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, o => o.ExecutionStrategy(d => new ReadRetryExecutionStrategy(d)));
                break;
            default:
                builder.UseSqlite(options.ConnectionString);
                break;
        }
    }

    /// <summary>
    /// Statements a connection prepares on the server once they have run a few times (Npgsql
    /// automatic preparation): the submission and tracking statements are then parsed and planned
    /// once per connection, not per request (docs/capacity.md). An explicit setting is kept.
    /// </summary>
    public const int AutoPreparedStatements = 200;

    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = AutoPreparedStatements;
        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            Directory.CreateDirectory(folder);
    }
}
