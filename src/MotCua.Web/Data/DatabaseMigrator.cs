using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Data;

/// <summary>
/// Applies the versioned SQL scripts of Data/Migrations/&lt;provider&gt;/NNNN_name.sql in order, each
/// in its own transaction, and records them in __schema_migrations with a checksum. EF's design-time
/// tooling is not available here, so migrations are reviewed SQL, one script per provider (docs/adr/0001-migrations-as-reviewed-sql.md).
/// Safe to run from several nodes at once: PostgreSQL takes an advisory lock, SQLite an
/// immediate (write) transaction.
/// </summary>
public sealed class DatabaseMigrator(AppDbContext db, DatabaseOptions options, ILogger<DatabaseMigrator> log)
{
    private const long AdvisoryLockKey = 0x4D6F74437561; // "MotCua"

    public sealed record Script(string Version, string Name, string Sql, string Checksum);

    public static IReadOnlyList<Script> ScriptsFor(DatabaseProvider provider)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var prefix = $"migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Load(assembly, n, prefix))
            .ToArray();
    }

    private static Script Load(Assembly assembly, string resource, string prefix)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var fileName = resource[prefix.Length..^4];
        var version = fileName.Split('_', 2)[0];
        return new Script(version, fileName, sql, MigrationChecksum.Of(sql));
    }

    /// <summary>Applies what is pending; returns how many scripts were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var scripts = ScriptsFor(options.Provider);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            if (options.Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
            else
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000;", ct);

            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS __schema_migrations (version varchar(20) PRIMARY KEY, name varchar(200) NOT NULL, checksum varchar(64) NOT NULL, applied_at varchar(40) NOT NULL)", ct);
            var applied = await AppliedAsync(connection, ct);
            var count = 0;
            foreach (var script in scripts)
            {
                if (applied.TryGetValue(script.Version, out var checksum))
                {
                    if (checksum == script.Checksum)
                        continue;
                    if (!MigrationChecksum.IsFormer(options.Provider, script.Version, checksum))
                        throw new InvalidOperationException($"Migration {script.Name} was changed after it was applied; add a new migration instead.");
                    await ExecuteAsync(connection, null,
                        $"UPDATE __schema_migrations SET checksum = '{script.Checksum}' WHERE version = '{script.Version}'", ct);
                    continue;
                }
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, tx, script.Sql, ct);
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = tx;
                    insert.CommandText = "INSERT INTO __schema_migrations (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a)";
                    AddParameter(insert, "@v", script.Version);
                    AddParameter(insert, "@n", script.Name);
                    AddParameter(insert, "@c", script.Checksum);
                    AddParameter(insert, "@a", DateTime.UtcNow.ToString("O"));
                    await insert.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                log.LogInformation("Applied migration {Migration}", script.Name);
                count++;
            }
            return count;
        }
        finally
        {
            if (options.Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", ct);
            await connection.CloseAsync();
        }
    }

    /// <summary>Versions not yet applied; an empty list means the schema is current.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            var applied = await AppliedAsync(connection, ct, tolerateMissingTable: true);
            return ScriptsFor(options.Provider).Where(s => !applied.ContainsKey(s.Version)).Select(s => s.Name).ToArray();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<Dictionary<string, string>> AppliedAsync(DbConnection connection, CancellationToken ct, bool tolerateMissingTable = false)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, checksum FROM __schema_migrations";
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                result[reader.GetString(0)] = reader.GetString(1);
        }
        catch (DbException) when (tolerateMissingTable)
        {
            // No migrations table yet: nothing applied.
        }
        return result;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
