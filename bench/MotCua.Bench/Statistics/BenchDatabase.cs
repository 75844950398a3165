using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using Npgsql;

namespace MotCua.Bench.Statistics;

/// <summary>
/// The benchmark's own database: `motcua_bench_&lt;n&gt;` on the given PostgreSQL server, or a SQLite
/// file in a temporary folder; created fresh, dropped at the end.
/// </summary>
internal sealed class BenchDatabase
{
    private readonly string? _serverConnection;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string name, string? serverConnection)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
        _serverConnection = serverConnection;
    }

    public DatabaseProvider Provider { get; }
    /// <summary>The benchmark's own connections: no pooling on SQLite, so the file can be deleted at the end.</summary>
    public string ConnectionString { get; }
    public string Name { get; }

    /// <summary>What the deployable is given: as an operator would configure it (on SQLite the README's default, pooled).</summary>
    public string DeployableConnectionString => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder { DataSource = Name }.ToString()
        : ConnectionString;

    public static BenchDatabase Create(DatabaseProvider provider, int dossiers, string? server, string workFolder)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(workFolder, $"motcua_bench_{dossiers}.db");
            return new BenchDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(), file, null);
        }
        var name = $"motcua_bench_{dossiers}";
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            Sql.Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            Sql.Execute(admin, $"CREATE DATABASE {name}");
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 };
        return new BenchDatabase(provider, builder.ToString(), name, server);
    }

    public AppDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString });
        return new AppDbContext(builder.Options);
    }

    public DbConnection Open() => Sql.Open(Provider, ConnectionString);

    /// <summary>The demo seeder's few hundred dossiers go: the benchmark measures its own, known population.</summary>
    public void DeleteDemoDossiers()
    {
        using var c = Open();
        foreach (var table in new[] { "DossierHistory", "SupplementRequests", "DossierFiles", "Consultations", "Dossiers", "StatisticsCounters", "DossierSequences" })
            Sql.Execute(c, $"DELETE FROM \"{table}\"");
    }

    /// <summary>
    /// PostgreSQL: drops the secondary indexes of <paramref name="tables"/> (not those behind a constraint) and
    /// returns their definitions, so the bulk load does not maintain a dozen B-trees and two trigram indexes row by
    /// row (5,000 rows/s instead of 60,000 at 10 M dossiers); <see cref="CreateIndexes"/> puts them back as they were.
    /// </summary>
    public IReadOnlyList<string> DropSecondaryIndexes(params string[] tables)
    {
        if (Provider != DatabaseProvider.Postgres)
            return [];
        using var c = (NpgsqlConnection)Open();
        var definitions = new List<(string Name, string Definition)>();
        using (var command = new NpgsqlCommand("""
            SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY(@tables)
              AND indexname NOT IN (SELECT conname FROM pg_constraint)
            """, c))
        {
            command.Parameters.AddWithValue("tables", tables);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                definitions.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in definitions)
            Sql.Execute(c, $"DROP INDEX \"{name}\"");
        return definitions.Select(d => d.Definition).ToList();
    }

    public void CreateIndexes(IReadOnlyList<string> definitions)
    {
        // SQLite kept its indexes (DropSecondaryIndexes dropped none), and has no SET.
        if (definitions.Count == 0)
            return;
        using var c = Open();
        Sql.Execute(c, "SET maintenance_work_mem = '1GB'");
        foreach (var definition in definitions)
            Sql.Execute(c, definition);
    }

    /// <summary>After explicit ids were loaded: the identity continues after them, as it would have.</summary>
    public void ResetIdentities()
    {
        if (Provider != DatabaseProvider.Postgres)
            return; // SQLite AUTOINCREMENT already follows the largest id inserted
        using var c = Open();
        foreach (var table in new[] { "Dossiers", "DossierHistory" })
            Sql.Execute(c, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))");
    }

    /// <summary>What autovacuum would do after a bulk load: statistics for the planner and the visibility map.</summary>
    public void VacuumAnalyze(params string[] tables)
    {
        using var c = Open();
        if (Provider == DatabaseProvider.Postgres)
            foreach (var table in tables)
                Sql.Execute(c, $"VACUUM (ANALYZE) \"{table}\"");
    }

    public long Count(string table, string where = "")
    {
        using var c = Open();
        return Sql.Scalar<long>(c, $"SELECT count(*) FROM \"{table}\" {where}");
    }

    /// <summary>Bytes per table with its indexes (pg_total_relation_size over the partition tree; SQLite's dbstat when the library has it) and the whole database.</summary>
    public (IReadOnlyDictionary<string, long> Tables, long Total) Sizes(IReadOnlyList<string> tables)
    {
        using var c = Open();
        var sizes = new Dictionary<string, long>();
        if (Provider == DatabaseProvider.Postgres)
        {
            foreach (var table in tables)
                // Summed over the partition tree: a partitioned table (the counters, migration 0004) has no storage of its own.
                sizes[table] = Sql.Scalar<long>(c, $"SELECT GREATEST(pg_total_relation_size('\"{table}\"'), (SELECT COALESCE(SUM(pg_total_relation_size(relid)), 0)::bigint FROM pg_partition_tree('\"{table}\"')))");
            return (sizes, Sql.Scalar<long>(c, "SELECT pg_database_size(current_database())"));
        }
        foreach (var table in tables)
        {
            var sql = $"SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = '{table}' OR name IN (SELECT name FROM sqlite_master WHERE tbl_name = '{table}' AND type = 'index')";
            try
            {
                sizes[table] = Sql.Scalar<long>(c, sql);
            }
            catch (SqliteException)
            {
                // The bundled library has no dbstat; Debian's sqlite3 shell has.
                if (SqliteShell(sql) is { } bytes)
                    sizes[table] = bytes;
            }
        }
        return (sizes, new FileInfo(Name).Length);
    }

    private long? SqliteShell(string sql)
    {
        try
        {
            using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sqlite3", [Name, sql]) { RedirectStandardOutput = true })!;
            var output = shell.StandardOutput.ReadToEnd();
            shell.WaitForExit();
            return shell.ExitCode == 0 && long.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no sqlite3 shell
        }
    }

    public string ServerVersion()
    {
        using var c = Open();
        return Provider == DatabaseProvider.Postgres
            ? "PostgreSQL " + Sql.Scalar<string>(c, "SHOW server_version")
            : "SQLite " + Sql.Scalar<string>(c, "SELECT sqlite_version()");
    }

    public string Settings()
    {
        if (Provider != DatabaseProvider.Postgres)
            return "journal WAL (the deployable's default)";
        using var c = Open();
        var names = new[] { "shared_buffers", "work_mem", "effective_cache_size", "max_wal_size", "fsync", "synchronous_commit" };
        return string.Join(", ", names.Select(n => $"{n}={Sql.Scalar<string>(c, "SHOW " + n)}"));
    }

    public void Drop()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(Name + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(_serverConnection);
        admin.Open();
        Sql.Execute(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("#,0", CultureInfo.InvariantCulture) + " MB";
}
