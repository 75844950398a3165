using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Web.Features.Statistics.Counters;

/// <summary>
/// Inserts counter rows into a table the caller has just emptied in its open transaction (the
/// rebuild): no row can conflict, so there is no upsert to plan — binary COPY on PostgreSQL, one
/// prepared INSERT reused for every row on SQLite. A province-wide rebuild writes millions of rows;
/// the multi-row upserts of the live path (<see cref="CounterWriter"/>) took minutes for them.
/// </summary>
public static class CounterBulkInsert
{
    private static readonly string[] KeyColumns = ["Cube", "Grain", "Day", "AgencyId", "SectorCode", "ProcedureCode", "Channel"];
    private static readonly string ColumnList =
        string.Join(", ", KeyColumns.Concat(Enum.GetNames<CounterColumn>()).Select(c => $"\"{c}\""));

    public static async Task<int> InsertAsync(AppDbContext db, IEnumerable<KeyValuePair<CounterKey, int[]>> rows, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The bulk insert runs in the transaction that emptied the counters.");
        return db.Database.IsNpgsql()
            ? await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), rows, ct)
            : await InsertEachAsync(db, transaction, rows, ct);
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, IEnumerable<KeyValuePair<CounterKey, int[]>> rows, CancellationToken ct)
    {
        var count = 0;
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"StatisticsCounters\" ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (key, values) in rows)
        {
            if (values.All(v => v == 0))
                continue;
            await importer.StartRowAsync(ct);
            await importer.WriteAsync((int)key.Cube, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync((int)key.Grain, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(key.Day, NpgsqlDbType.Date, ct);
            await importer.WriteAsync(key.AgencyId, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(key.SectorCode, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(key.ProcedureCode, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync((int)key.Channel, NpgsqlDbType.Integer, ct);
            foreach (var v in values)
                await importer.WriteAsync(v, NpgsqlDbType.Integer, ct);
            count++;
        }
        await importer.CompleteAsync(ct);
        return count;
    }

    private static async Task<int> InsertEachAsync(AppDbContext db, IDbContextTransaction transaction, IEnumerable<KeyValuePair<CounterKey, int[]>> rows,
        CancellationToken ct)
    {
        var count = 0;
        var columns = KeyColumns.Length + CounterContributions.ColumnCount;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"StatisticsCounters\" ({ColumnList}) VALUES ({string.Join(", ", Enumerable.Range(0, columns).Select(i => "$p" + i))})";
        var parameters = Enumerable.Range(0, columns).Select(i =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync(ct);
        foreach (var (key, values) in rows)
        {
            if (values.All(v => v == 0))
                continue;
            parameters[0].Value = (int)key.Cube;
            parameters[1].Value = (int)key.Grain;
            // As EF stores a DateOnly on SQLite (and as DossierCodes passes it).
            parameters[2].Value = key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parameters[3].Value = key.AgencyId;
            parameters[4].Value = key.SectorCode;
            parameters[5].Value = key.ProcedureCode;
            parameters[6].Value = (int)key.Channel;
            for (var i = 0; i < values.Length; i++)
                parameters[KeyColumns.Length + i].Value = values[i];
            await command.ExecuteNonQueryAsync(ct);
            count++;
        }
        return count;
    }
}
