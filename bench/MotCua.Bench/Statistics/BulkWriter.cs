using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Bench.Statistics;

/// <summary>
/// One column of a table as the EF model maps it: name, a getter of the provider value (after the
/// model's value converter, e.g. enums by name) and the PostgreSQL type for binary COPY. Taking the
/// columns from the model, not from a hand-written list, means every column is filled exactly as the
/// deployable would write it (NOT NULL, enum names, decimals, UTC instants).
/// </summary>
internal sealed record Column(string Name, Func<object, object?> Value, Action<NpgsqlBinaryImporter, object> WritePostgres);

internal sealed record Table(string Name, IReadOnlyList<Column> Columns)
{
    public static Table For<T>(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties().Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            var provider = converter?.ProviderClrType ?? p.ClrType;
            provider = Nullable.GetUnderlyingType(provider) ?? provider;
            Func<object, object?> value = converter is null
                ? e => getter.GetClrValueUsingContainingEntity(e)
                : e => getter.GetClrValueUsingContainingEntity(e) is { } v ? converter.ConvertToProvider(v) : null;
            return new Column(p.GetColumnName(store)!, value, PostgresWriter(provider));
        }).ToArray();
        return new Table(name, columns);
    }

    private static Action<NpgsqlBinaryImporter, object> PostgresWriter(Type type) => type switch
    {
        _ when type == typeof(string) => (w, v) => w.Write((string)v, NpgsqlDbType.Text),
        _ when type == typeof(long) => (w, v) => w.Write((long)v, NpgsqlDbType.Bigint),
        _ when type == typeof(int) => (w, v) => w.Write((int)v, NpgsqlDbType.Integer),
        _ when type == typeof(bool) => (w, v) => w.Write((bool)v, NpgsqlDbType.Boolean),
        _ when type == typeof(decimal) => (w, v) => w.Write((decimal)v, NpgsqlDbType.Numeric),
        _ when type == typeof(DateTime) => (w, v) => w.Write((DateTime)v, NpgsqlDbType.TimestampTz),
        _ when type == typeof(DateOnly) => (w, v) => w.Write((DateOnly)v, NpgsqlDbType.Date),
        _ => throw new NotSupportedException($"No COPY writer for {type}."),
    };

    public string Quoted(string column) => $"\"{column}\"";

    public string ColumnList => string.Join(", ", Columns.Select(c => Quoted(c.Name)));
}

/// <summary>Writes generated dossiers and their history: binary COPY on PostgreSQL, prepared INSERTs in one transaction per chunk on SQLite.</summary>
internal abstract class BulkWriter : IDisposable
{
    protected BulkWriter(IModel model)
    {
        Dossiers = Table.For<Dossier>(model);
        History = Table.For<DossierHistory>(model);
        Sequences = Table.For<DossierSequence>(model);
    }

    private Table Dossiers { get; }
    private Table History { get; }
    private Table Sequences { get; }

    /// <summary>Dossiers first, so the history's foreign keys find them (one transaction on SQLite, two COPYs on PostgreSQL).</summary>
    public void Write(GeneratedChunk chunk) => Write([(Dossiers, chunk.Dossiers), (History, chunk.History)]);

    public void WriteSequences(IReadOnlyList<DossierSequence> sequences) => Write([(Sequences, sequences)]);

    protected abstract void Write(IReadOnlyList<(Table Table, System.Collections.IEnumerable Rows)> tables);

    public abstract void Dispose();

    public static BulkWriter Open(DatabaseProvider provider, string connectionString, IModel model) =>
        provider == DatabaseProvider.Postgres ? new PostgresBulkWriter(connectionString, model) : new SqliteBulkWriter(connectionString, model);
}

internal sealed class PostgresBulkWriter : BulkWriter
{
    private readonly NpgsqlConnection _connection;

    public PostgresBulkWriter(string connectionString, IModel model) : base(model)
    {
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
    }

    protected override void Write(IReadOnlyList<(Table Table, System.Collections.IEnumerable Rows)> tables)
    {
        foreach (var (table, rows) in tables)
            Copy(table, rows);
    }

    private void Copy(Table table, System.Collections.IEnumerable rows)
    {
        using var importer = _connection.BeginBinaryImport($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in table.Columns)
            {
                if (column.Value(row) is { } value)
                    column.WritePostgres(importer, value);
                else
                    importer.WriteNull();
            }
        }
        importer.Complete();
    }

    public override void Dispose() => _connection.Dispose();
}

internal sealed class SqliteBulkWriter : BulkWriter
{
    private readonly SqliteConnection _connection;

    public SqliteBulkWriter(string connectionString, IModel model) : base(model)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using var pragma = _connection.CreateCommand();
        // The bulk load only: the deployable opens the file with its own settings afterwards.
        pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
        pragma.ExecuteNonQuery();
    }

    protected override void Write(IReadOnlyList<(Table Table, System.Collections.IEnumerable Rows)> tables)
    {
        using var tx = _connection.BeginTransaction();
        foreach (var (table, rows) in tables)
            Insert(tx, table, rows);
        tx.Commit();
    }

    private void Insert(SqliteTransaction tx, Table table, System.Collections.IEnumerable rows)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => command.CreateParameter()).ToArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].ParameterName = "$p" + i;
            command.Parameters.Add(parameters[i]);
        }
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = table.Columns[i].Value(row) ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    public override void Dispose() => _connection.Dispose();
}

/// <summary>Small SQL helpers on a plain ADO.NET connection of either provider.</summary>
internal static class Sql
{
    public static DbConnection Open(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public static int Execute(DbConnection connection, string sql, int timeoutSeconds = 3600)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        return command.ExecuteNonQuery();
    }

    public static T Scalar<T>(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
