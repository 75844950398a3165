using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace MotCua.Bench.Dvcqg;

/// <summary>What the order check found: dossiers checked, dossiers out of order (with a first example), and the calls by service.</summary>
internal sealed record OrderCheckResult(int Dossiers, int Violations, string? FirstViolation, IReadOnlyDictionary<string, int> CallsByService,
    long MessagesOutOfOrder, long MessagesNotDelivered, long SyncStatesBehind);

/// <summary>
/// Per-dossier order of the drain, checked twice. From the simulator's recorded requests (in the order it
/// received them): every backlog dossier's first DongBoHoSoMC is the add and no add follows it, no
/// progress item comes before the add, there is one DongBoHoSoMC per queued change, the progress items
/// are exactly the dossier's history rows in the order written (status and time), and the last
/// DongBoHoSoMC carries the dossier's final status. From the database: within each ordering key the
/// messages were delivered in id order, none is left undelivered, every sync state is delivered up to its last change.
/// The recorded requests are checked for the dossiers whose sync state is delivered up to its last change (all of them after a full drain).
/// </summary>
internal static class DvcqgOrderCheck
{
    private sealed record Recorded(long Sequence, string Path, string Body);

    private sealed class Seen
    {
        public int Syncs;
        public int Adds;
        public bool AddFirst;
        public bool ProgressBeforeAdd;
        public string LastStatus = "";
        public List<(string Status, string At)> Progress { get; } = [];
    }

    public static async Task<OrderCheckResult> RunAsync(HttpClient simulator, string connectionString)
    {
        var seen = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var calls = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var stream = await simulator.GetStreamAsync("/_sim/requests?system=dvcqg"))
        {
            var records = new List<Recorded>();
            await foreach (var r in JsonSerializer.DeserializeAsyncEnumerable<Recorded>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web)))
                if (r is not null)
                    records.Add(r);
            foreach (var r in records.OrderBy(r => r.Sequence))
                Note(r, seen, calls);
        }

        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var expected = new Dictionary<string, (string Status, List<(string Status, string At)> History)>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand($"""
            SELECT d."Code", d."Status", h."ToStatus", h."At" FROM "Dossiers" d JOIN "DossierHistory" h ON h."DossierId" = d."Id"
            JOIN "DossierSyncStates" s ON s."DossierId" = d."Id" AND s."Target" = 'dvcqg' AND s."DeliveredSequence" >= s."ChangeSequence"
            WHERE d."Code" LIKE '{DvcqgBacklog.CodePrefix}%' ORDER BY d."Id", h."Id"
            """, c))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var code = reader.GetString(0);
                if (!expected.TryGetValue(code, out var e))
                    expected[code] = e = (reader.GetInt32(1).ToString(System.Globalization.CultureInfo.InvariantCulture), []);
                e.History.Add((reader.GetInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture), MotCua.Web.Features.Integrations.Dvcqg.DvcqgFormat.Date(reader.GetDateTime(3))));
            }
        }

        var violations = 0;
        string? first = null;
        foreach (var (code, e) in expected)
        {
            var problem = !seen.TryGetValue(code, out var s) ? "never reached the simulator"
                : !s.AddFirst ? "first DongBoHoSoMC was not the add"
                : s.Adds != 1 ? $"{s.Adds} adds"
                : s.ProgressBeforeAdd ? "progress before the add"
                : s.Syncs != DvcqgBacklog.Actions.Length ? $"{s.Syncs} DongBoHoSoMC calls for {DvcqgBacklog.Actions.Length} changes"
                : !s.Progress.SequenceEqual(e.History) ? $"progress {string.Join(",", s.Progress.Select(p => p.Status))} vs history {string.Join(",", e.History.Select(h => h.Status))}"
                : s.LastStatus != e.Status ? $"last status {s.LastStatus}, dossier {e.Status}"
                : null;
            if (problem is null)
                continue;
            violations++;
            first ??= $"{code}: {problem}";
        }

        var outOfOrder = await DvcqgBacklog.ScalarAsync<long>(c, """
            SELECT count(*) FROM (SELECT "ProcessedAt" < lag("ProcessedAt") OVER (PARTITION BY "OrderingKey" ORDER BY "Id") AS bad
                                  FROM "OutboxMessages" WHERE "Target" = 'dvcqg') x WHERE bad
            """);
        var waiting = await DvcqgBacklog.ScalarAsync<long>(c, """SELECT count(*) FROM "OutboxMessages" WHERE "Target" = 'dvcqg' AND "ProcessedAt" IS NULL""");
        var behind = await DvcqgBacklog.ScalarAsync<long>(c, """SELECT count(*) FROM "DossierSyncStates" WHERE "Target" = 'dvcqg' AND "DeliveredSequence" < "ChangeSequence" """);
        return new OrderCheckResult(expected.Count, violations, first, calls, outOfOrder, waiting, behind);
    }

    private static void Note(Recorded r, Dictionary<string, Seen> seen, Dictionary<string, int> calls)
    {
        if (!r.Path.StartsWith("/dvcqg/service", StringComparison.Ordinal))
        {
            calls["auth"] = calls.GetValueOrDefault("auth") + 1;
            return;
        }
        var body = JsonNode.Parse(r.Body)!.AsObject();
        var service = body["service"]?.GetValue<string>() ?? "";
        calls[service] = calls.GetValueOrDefault(service) + 1;
        if (body["data"] is not JsonArray data)
            return;
        foreach (var item in data.OfType<JsonObject>())
        {
            var code = item["MaHoSo"]?.GetValue<string>() ?? "";
            if (!code.StartsWith(DvcqgBacklog.CodePrefix, StringComparison.Ordinal))
                continue;
            if (!seen.TryGetValue(code, out var s))
                seen[code] = s = new Seen();
            if (service == "DongBoHoSoMC")
            {
                var add = body["isUpdating"]?.GetValue<string>() == "False";
                if (s.Syncs == 0)
                    s.AddFirst = add;
                if (add)
                    s.Adds++;
                s.Syncs++;
                s.LastStatus = item["TrangThaiHoSo"]?.GetValue<string>() ?? "";
            }
            else if (service == "CapNhatTienDoHoSoMC")
            {
                if (s.Adds == 0)
                    s.ProgressBeforeAdd = true;
                s.Progress.Add((item["TrangThai"]?.GetValue<string>() ?? "", item["ThoiDiemXuLy"]?.GetValue<string>() ?? ""));
            }
        }
    }
}
