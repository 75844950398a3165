using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics.Counters;

namespace MotCua.Tests.Web.Data;

/// <summary>The versioned SQL scripts must build exactly the schema the EF model expects, on both databases.</summary>
public class MigrationTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MigratedSchema_MatchesEfModel(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actual = await ReadSchemaAsync(context, db);

        var problems = new List<string>();
        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            if (!actual.TryGetValue(table, out var columns))
            {
                problems.Add($"missing table {table}");
                continue;
            }
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var name = property.GetColumnName(store)!;
                if (!columns.TryGetValue(name, out var nullable))
                    problems.Add($"missing column {table}.{name}");
                else if (nullable != property.IsColumnNullable(store))
                    problems.Add($"nullability differs on {table}.{name}: db {nullable}, model {property.IsColumnNullable(store)}");
            }
            foreach (var extra in columns.Keys.Except(entity.GetProperties().Select(p => p.GetColumnName(store)!)))
                problems.Add($"column {table}.{extra} is not in the model");
        }
        var modelTables = context.Model.GetEntityTypes().Select(e => e.GetTableName()!).ToHashSet();
        // SQLite's trigram full-text table for the queue name search (migration 0023) and its shadow tables live outside the model.
        foreach (var extra in actual.Keys.Where(t => !modelTables.Contains(t) && t != "__schema_migrations" && !t.StartsWith("DossierNameSearch", StringComparison.Ordinal)))
            problems.Add($"table {extra} is not in the model");
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Migrate_SecondRun_AppliesNothingAndReportsNoPending(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        await using var scope = host.Scope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        Assert.Equal(0, await migrator.MigrateAsync());
        Assert.Empty(await migrator.PendingAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Migrate_AppliedScriptWasEdited_Refuses(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await context.Database.ExecuteSqlRawAsync("UPDATE __schema_migrations SET checksum = 'edited' WHERE version = '0001'");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync());
        Assert.Contains("0001_initial", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A database migrated before the checksum left out comment lines recorded the whole text of
    /// 0001; it still starts, and the record is brought to the statements-only checksum.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Migrate_FormerWholeTextChecksum_AcceptedAndReplaced(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var former = db == DatabaseKind.Postgres
            ? "618aac193c0780afd0fe69fcfd9df213dc4e4fbcb1c6310095d0e8c27906a558"
            : "316ef96e4db00867c8564978f2ac541e7cf514cac5d89f138e27bfd5bd4271f9";
        await context.Database.ExecuteSqlAsync($"UPDATE __schema_migrations SET checksum = {former} WHERE version = '0001'");

        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync());

        var provider = db == DatabaseKind.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var current = DatabaseMigrator.ScriptsFor(provider).Single(s => s.Version == "0001").Checksum;
        var recorded = await context.Database.SqlQueryRaw<string>("SELECT checksum AS \"Value\" FROM __schema_migrations WHERE version = '0001'").SingleAsync();
        Assert.Equal(current, recorded);
    }

    [Fact]
    public void Checksum_IgnoresCommentLinesButNotStatements()
    {
        const string script = "-- 0009: a note\nCREATE TABLE t (id int);\n";
        Assert.Equal(MigrationChecksum.Of(script), MigrationChecksum.Of("-- 0009: a corrected note\nCREATE TABLE t (id int);\n"));
        Assert.NotEqual(MigrationChecksum.Of(script), MigrationChecksum.Of("-- 0009: a note\nCREATE TABLE t (id bigint);\n"));
    }

    /// <summary>
    /// 0004 moves the counters into their new layout (partitions on PostgreSQL, a WITHOUT ROWID table
    /// on SQLite): a database upgraded from 0003 keeps every counter row, and the counters still agree
    /// with a recount of the dossiers.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Migrate_0004FromCountersOf0003_KeepsEveryRow(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: true);
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await CounterRowsAsync(context);
        Assert.NotEmpty(before);

        // Back to the 0003 schema with the same rows, as a database of the previous release has it.
        var provider = db == DatabaseKind.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        var script0003 = DatabaseMigrator.ScriptsFor(provider).Single(s => s.Version == "0003").Sql;
        await context.Database.ExecuteSqlRawAsync("CREATE TABLE counters_copy AS SELECT * FROM \"StatisticsCounters\"");
        await context.Database.ExecuteSqlRawAsync("DROP TABLE \"StatisticsCounters\"");
        await context.Database.ExecuteSqlRawAsync(script0003);
        await context.Database.ExecuteSqlRawAsync("INSERT INTO \"StatisticsCounters\" SELECT * FROM counters_copy");
        await context.Database.ExecuteSqlRawAsync("DROP TABLE counters_copy");
        await context.Database.ExecuteSqlRawAsync("DELETE FROM __schema_migrations WHERE version = '0004'");

        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync());

        Assert.Equal(before, await CounterRowsAsync(context));
        Assert.Empty(await CounterRebuild.VerifyAsync(context, default));
        var layout = db == DatabaseKind.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'StatisticsCounters' AND sql LIKE '%WITHOUT ROWID%'"
            : "SELECT COUNT(*) FROM pg_class WHERE relispartition AND relkind = 'r' AND relname LIKE 'StatisticsCounters%'";
        // PostgreSQL: one leaf table per cube (2) and grain (3).
        Assert.Equal(db == DatabaseKind.Sqlite ? 1 : 6, await ScalarAsync(context, layout));
    }

    private static async Task<List<string>> CounterRowsAsync(AppDbContext context) =>
        (await context.StatisticsCounters.AsNoTracking().ToListAsync())
            .Select(c => $"{c.Cube}|{c.Grain}|{c.Day:yyyy-MM-dd}|{c.AgencyId}|{c.SectorCode}|{c.ProcedureCode}|{c.Channel}|{string.Join(',', CounterRebuild.Values(c))}")
            .Order(StringComparer.Ordinal).ToList();

    private static async Task<long> ScalarAsync(AppDbContext context, string sql)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    [Fact]
    public void Scripts_ExistForBothProvidersWithTheSameVersions()
    {
        var sqlite = DatabaseMigrator.ScriptsFor(DatabaseProvider.Sqlite).Select(s => s.Version);
        var postgres = DatabaseMigrator.ScriptsFor(DatabaseProvider.Postgres).Select(s => s.Version);
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
    }

    private static async Task<Dictionary<string, Dictionary<string, bool>>> ReadSchemaAsync(AppDbContext context, DatabaseKind db)
    {
        var result = new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = db == DatabaseKind.Sqlite
            ? "SELECT m.name, p.name, p.\"notnull\" = 0 FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            : "SELECT table_name, column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public'"
              // Partitions (the counters' leaf tables, migration 0004) are storage of their parent table.
              + " AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            if (!result.TryGetValue(table, out var columns))
                result[table] = columns = new Dictionary<string, bool>(StringComparer.Ordinal);
            columns[reader.GetString(1)] = reader.GetBoolean(2);
        }
        return result;
    }
}
