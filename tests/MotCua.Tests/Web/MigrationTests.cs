using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;

namespace MotCua.Tests.Web;

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
        foreach (var extra in actual.Keys.Where(t => !modelTables.Contains(t) && t != "__schema_migrations"))
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
            : "SELECT table_name, column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public'";
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
