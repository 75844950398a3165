using Npgsql;

namespace MotCua.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// The databases the integration tests run on: SQLite always, PostgreSQL too when
/// MOTCUA_TEST_POSTGRES holds a server connection string (.ci/run sets it). Each test host gets a
/// fresh database built by the real migrations.
/// </summary>
public static class Databases
{
    public const string PostgresVariable = "MOTCUA_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static IReadOnlyList<DatabaseKind> Kinds =>
        PostgresServer is null ? [DatabaseKind.Sqlite] : [DatabaseKind.Sqlite, DatabaseKind.Postgres];

    /// <summary>Theory data: one row per database available.</summary>
    public static TheoryData<DatabaseKind> All => new(Kinds);
}

/// <summary>A fresh, empty database of the given kind; dropped (or deleted) on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }

    private TestDatabase(DatabaseKind kind, string connectionString, string? folder, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresName = postgresName;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(kind, $"Data Source={Path.Combine(folder, "test.db")};Pooling=False", folder, null);
        }
        var server = Databases.PostgresServer ?? throw new InvalidOperationException($"{Databases.PostgresVariable} is not set.");
        var name = "motcua_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(kind, builder.ConnectionString, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Databases.PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { /* best effort: temp folder */ }
        }
    }
}
