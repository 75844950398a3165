using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.Simulator.Dvcqg;

/// <summary>What the simulated portal holds for one dossier code: the dossier as last received, and its progress items.</summary>
public sealed class DvcqgRecord
{
    public required string MaHoSo { get; init; }
    public required JsonObject Dossier { get; set; }
    public int Adds { get; set; }
    public int Updates { get; set; }
    /// <summary>Progress items in the order received; a repeated item (same time, status and content) is kept once.</summary>
    public List<JsonObject> Progress { get; } = [];
}

/// <summary>
/// The state of the simulated DVCQG adapter (docs/integrations/simulator.md#dvcqg): sessions it issued and
/// the dossiers it received, per <c>MaHoSo</c>.
/// </summary>
public sealed class DvcqgState
{
    private readonly ConcurrentDictionary<string, byte> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DvcqgRecord> _dossiers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyDictionary<string, DvcqgRecord> Dossiers => _dossiers;

    public string NewSession()
    {
        var session = Guid.NewGuid().ToString("N");
        _sessions[session] = 0;
        return session;
    }

    public bool IsValid(string? session) => session is not null && _sessions.ContainsKey(session);

    /// <summary>Every session issued so far stops working (flag <c>dvcqg:expire-session</c>).</summary>
    public void ExpireSessions() => _sessions.Clear();

    public void Reset()
    {
        _sessions.Clear();
        _dossiers.Clear();
    }

    /// <summary>Adds (false when the code is known: "đã tồn tại") or updates (false when unknown) one dossier.</summary>
    public bool Store(JsonObject dossier, bool updating, out string code)
    {
        code = dossier["MaHoSo"]?.GetValue<string>() ?? "";
        lock (_gate)
        {
            var known = _dossiers.TryGetValue(code, out var record);
            if (!updating && known)
                return false;
            if (updating && !known)
                return false;
            if (record is null)
                _dossiers[code] = record = new DvcqgRecord { MaHoSo = code, Dossier = dossier };
            record.Dossier = dossier;
            if (updating) record.Updates++;
            else record.Adds++;
            return true;
        }
    }

    /// <summary>Appends a progress item to its dossier; false for an unknown dossier code.</summary>
    public bool AddProgress(JsonObject item)
    {
        var code = item["MaHoSo"]?.GetValue<string>() ?? "";
        lock (_gate)
        {
            if (!_dossiers.TryGetValue(code, out var record))
                return false;
            var key = Key(item);
            if (!record.Progress.Any(p => Key(p) == key))
                record.Progress.Add(item);
            return true;
        }
    }

    private static string Key(JsonObject item) =>
        $"{item["ThoiDiemXuLy"]}|{item["TrangThai"]}|{item["NoiDungXuLy"]}";

    public static JsonSerializerOptions Json { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
