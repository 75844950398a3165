using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Dvcqg;
using Npgsql;

namespace MotCua.Bench.Dvcqg;

/// <summary>
/// The DVCQG backlog of the drain benchmark, written the way the deployable writes it: N dossiers that
/// have a code (copies of one accepted demo dossier and its history, by SQL), then <see cref="Actions"/>
/// workflow actions on each through <see cref="AppDbContext"/> with the app's own
/// <see cref="DossierSyncTracking"/> (DossierWorkflow.Transition, one SaveChanges per 1,000 dossiers), so every
/// change queues its outbox message, ordering key and sync state in the change's transaction, as an
/// officer's action would. The actions come round by round, so one dossier's messages lie far apart in the queue.
/// </summary>
internal static class DvcqgBacklog
{
    public const string CodePrefix = "DVCQGBENCH-";

    /// <summary>Accepted (2) → processing (4), then four steps within processing: five changes per dossier.</summary>
    public static readonly DossierAction[] Actions =
        [DossierAction.Forward, DossierAction.Assign, DossierAction.Transfer, DossierAction.SendBack, DossierAction.Transfer];

    public static DbContextOptions<AppDbContext> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        return builder.Options;
    }

    /// <summary>Copies the first accepted demo dossier with a code <paramref name="dossiers"/> times (codes <see cref="CodePrefix"/>n), with its history; returns the new ids.</summary>
    public static async Task<List<long>> CloneAsync(string connectionString, int dossiers)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var template = await ScalarAsync<long>(c, """SELECT "Id" FROM "Dossiers" WHERE "Status" = 2 AND "Code" IS NOT NULL AND "NationalCode" IS NULL ORDER BY "Id" LIMIT 1""");
        var dossierColumns = await ColumnsAsync(c, "Dossiers");
        var copied = dossierColumns.Select(col => col switch
        {
            "Code" => $"'{CodePrefix}' || lpad(g::text, 7, '0')",
            "IdempotencyKey" or "NationalCode" => "NULL",
            _ => $"d.\"{col}\"",
        });
        await ExecuteAsync(c, $"""
            INSERT INTO "Dossiers" ({string.Join(", ", dossierColumns.Select(col => $"\"{col}\""))})
            SELECT {string.Join(", ", copied)} FROM "Dossiers" d CROSS JOIN generate_series(1, {dossiers}) g WHERE d."Id" = {template}
            """);
        var historyColumns = (await ColumnsAsync(c, "DossierHistory")).Where(col => col != "DossierId").ToList();
        await ExecuteAsync(c, $"""
            INSERT INTO "DossierHistory" ("DossierId", {string.Join(", ", historyColumns.Select(col => $"\"{col}\""))})
            SELECT n."Id", {string.Join(", ", historyColumns.Select(col => $"h.\"{col}\""))}
            FROM "DossierHistory" h CROSS JOIN "Dossiers" n
            WHERE h."DossierId" = {template} AND n."Code" LIKE '{CodePrefix}%' ORDER BY n."Id", h."Id"
            """);
        await ExecuteAsync(c, """VACUUM (ANALYZE) "Dossiers" """);
        await ExecuteAsync(c, """VACUUM (ANALYZE) "DossierHistory" """);
        var ids = new List<long>();
        await using var read = new NpgsqlCommand($"""SELECT "Id" FROM "Dossiers" WHERE "Code" LIKE '{CodePrefix}%' ORDER BY "Id" """, c);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>The actions, round by round over all dossiers, each batch one SaveChanges with the sync tracking on.</summary>
    public static async Task ChangeAsync(DbContextOptions<AppDbContext> options, DossierSyncTracking sync, IReadOnlyList<long> ids, int batch = 1000)
    {
        foreach (var action in Actions)
        {
            foreach (var chunk in ids.Chunk(batch))
            {
                await using var db = new AppDbContext(options, audit: null, sync);
                var dossiers = await db.Dossiers.Where(d => chunk.Contains(d.Id)).ToListAsync();
                var now = DateTime.UtcNow;
                foreach (var dossier in dossiers)
                    db.DossierHistory.Add(DossierWorkflow.Transition(dossier, action, null, "Cán bộ thử tải", now, "Thử tải liên thông"));
                await db.SaveChangesAsync();
            }
        }
    }

    /// <summary>
    /// The same rows as <see cref="ChangeAsync"/>, written in bulk (for backlogs the app path would take too
    /// long to write on a loaded machine): per dossier the five history rows DossierWorkflow.Transition
    /// writes, its status and version, a sync state at change 5, and the five outbox messages
    /// DossierSyncTracking queues (type, target, ordering key, payload by the app's own types), round by round.
    /// </summary>
    public static async Task WriteDirectAsync(string connectionString, IReadOnlyList<long> ids)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var status = DossierStatus.Accepted;
        var steps = new List<string>();
        for (var n = 0; n < Actions.Length; n++)
        {
            var next = DossierStateMachine.Next(status, Actions[n]) ?? throw new InvalidOperationException("Not a valid action sequence.");
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"({n + 1}, '{Actions[n]}', '{DossierStateMachine.VietnameseName(Actions[n])}', {(int)status}, {(int)next})"));
            status = next;
        }
        var ours = $"\"Code\" LIKE '{CodePrefix}%'";
        await using (var tx = await c.BeginTransactionAsync())
        {
            await ExecuteAsync(c, $"""
                INSERT INTO "DossierHistory" ("DossierId", "At", "ActorId", "ActorName", "Action", "ActionName", "FromStatus", "ToStatus", "Step", "FromAgencyId", "ToAgencyId", "ToUserId", "StepDueAt", "Note")
                SELECT d."Id", now() + a.n * interval '1 second', NULL, 'Cán bộ thử tải', a.action, a.name, a.f, a.t, d."CurrentStep", d."CurrentAgencyId", d."CurrentAgencyId", NULL, d."StepDueAt", 'Thử tải liên thông'
                FROM "Dossiers" d CROSS JOIN (VALUES {string.Join(", ", steps)}) a(n, action, name, f, t) WHERE d.{ours} ORDER BY a.n, d."Id"
                """);
            await ExecuteAsync(c, $"""UPDATE "Dossiers" SET "Status" = {(int)status}, "Version" = "Version" + {Actions.Length} WHERE {ours}""");
            await ExecuteAsync(c, $"""
                INSERT INTO "DossierSyncStates" ("DossierId", "Target", "ChangeSequence", "ChangedAt", "DeliveredSequence", "FailedSequence", "KnownByTarget", "LastSyncedHistoryId")
                SELECT "Id", '{DvcqgOptions.Target}', {Actions.Length}, now(), 0, 0, false, 0 FROM "Dossiers" WHERE {ours}
                """);
            var now = DateTime.UtcNow;
            await using (var copy = await c.BeginBinaryImportAsync("""COPY "OutboxMessages" ("Type", "Target", "OrderingKey", "PayloadJson", "CreatedAt", "AvailableAt", "Attempts", "Failed", "Version") FROM STDIN (FORMAT BINARY)"""))
            {
                for (var sequence = 1; sequence <= Actions.Length; sequence++)
                    foreach (var id in ids)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(DvcqgSyncHandler.MessageType, NpgsqlTypes.NpgsqlDbType.Varchar);
                        await copy.WriteAsync(DvcqgOptions.Target, NpgsqlTypes.NpgsqlDbType.Varchar);
                        await copy.WriteAsync(DossierSyncTracking.OrderingKey(id), NpgsqlTypes.NpgsqlDbType.Varchar);
                        await copy.WriteAsync(JsonSerializer.Serialize(new DossierSyncMessage(id, sequence)), NpgsqlTypes.NpgsqlDbType.Text);
                        await copy.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(0, NpgsqlTypes.NpgsqlDbType.Integer);
                        await copy.WriteAsync(false, NpgsqlTypes.NpgsqlDbType.Boolean);
                        await copy.WriteAsync(0L, NpgsqlTypes.NpgsqlDbType.Bigint);
                    }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
        }
        await ExecuteAsync(c, """VACUUM (ANALYZE) "DossierHistory" """);
    }

    /// <summary>The body the dispatcher would send for one of these dossiers as an add (the app's builder and wire format), for the baseline.</summary>
    public static async Task<JsonObject> AddBodyAsync(DbContextOptions<AppDbContext> options, long dossierId, string unitCode)
    {
        await using var db = new AppDbContext(options);
        var snapshot = await new DvcqgDossierBuilder(db).BuildAsync(dossierId, 0, CancellationToken.None)
            ?? throw new InvalidOperationException("The dossier has no code.");
        return new JsonObject
        {
            ["session"] = "",
            ["madonvi"] = unitCode,
            ["service"] = "DongBoHoSoMC",
            ["isUpdating"] = "False",
            ["data"] = new JsonArray(JsonSerializer.SerializeToNode(snapshot.Dossier, DvcqgFormat.Json)),
        };
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection c, string table)
    {
        var columns = new List<string>();
        await using var command = new NpgsqlCommand(
            $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' AND column_name <> 'Id' ORDER BY ordinal_position", c);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            columns.Add(reader.GetString(0));
        return columns;
    }

    internal static async Task ExecuteAsync(NpgsqlConnection c, string sql)
    {
        await using var command = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection c, string sql)
    {
        await using var command = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }
}
