using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.Simulator.Dvcqg;

/// <summary>
/// The simulated DVCQG adapter under <c>/dvcqg</c> (docs/integrations/simulator.md#dvcqg): <c>POST /dvcqg/auth</c>
/// issues a session for <c>{"username","password"}</c>; <c>POST /dvcqg/service</c> dispatches on
/// <c>service</c>. Answers are <c>{"error_code", "message", "result"}</c> as the real adapter's
/// (docs/integrations/dvcqg.md#answers).
/// </summary>
public static class DvcqgRoutes
{
    public const string ExpireSessionFlag = "dvcqg:expire-session";

    public static void MapDvcqg(this WebApplication app)
    {
        app.Services.GetRequiredService<SimulatorState>().OnReset(() => app.Services.GetRequiredService<DvcqgState>().Reset());
        app.MapPost("/dvcqg/auth", async (HttpRequest request, DvcqgState state) =>
        {
            var body = await ReadAsync(request);
            if (body is null || string.IsNullOrEmpty(body["username"]?.GetValue<string>()) || string.IsNullOrEmpty(body["password"]?.GetValue<string>()))
                return Answer(-1, "Thiếu username hoặc password");
            return Results.Json(new { error_code = 0, session = state.NewSession(), message = "Thành công" });
        });
        app.MapPost("/dvcqg/service", async (HttpRequest request, DvcqgState state, SimulatorState simulator) =>
        {
            var body = await ReadAsync(request);
            if (body is null)
                return Answer(-1, "Dữ liệu không đúng định dạng JSON");
            if (simulator.Flag(ExpireSessionFlag) is not null)
            {
                simulator.SetFlag(ExpireSessionFlag, null);
                state.ExpireSessions();
            }
            if (!state.IsValid(body["session"]?.GetValue<string>()))
                return Answer(-1, "Session không hợp lệ hoặc đã hết hạn");
            return Dispatch(state, body);
        });
    }

    /// <summary>
    /// Runs one service on the portal's state, once the caller is authenticated: by its own session here, or by
    /// the LGSP's bearer token when the LGSP proxies the call (docs/integrations/simulator.md#lgsp-dvcqg-proxy).
    /// </summary>
    public static IResult Dispatch(DvcqgState state, JsonObject body) => (body["service"]?.GetValue<string>()) switch
    {
        "DongBoHoSoMC" => SyncDossiers(state, body),
        "CapNhatTienDoHoSoMC" => SyncProgress(state, body),
        "TraCuuHoSo" => Lookup(state, body),
        "LayThuTuc" => DvcqgProcedures.Answer(body),
        "DongBoTrangThaiHoSo" => StatusBack(state, body),
        var other => Answer(-1, $"Không hỗ trợ dịch vụ '{other}'"),
    };

    private static IResult SyncDossiers(DvcqgState state, JsonObject body)
    {
        var updating = string.Equals(body["isUpdating"]?.GetValue<string>(), "True", StringComparison.OrdinalIgnoreCase);
        if (body["data"] is not JsonArray data || data.Count == 0)
            return Answer(-1, "Thiếu data");
        foreach (var item in data.OfType<JsonObject>())
        {
            if (item["MaHoSo"] is null || item["TrangThaiHoSo"] is null)
                return Answer(-1, "Thiếu MaHoSo hoặc TrangThaiHoSo");
            if (!state.Store((JsonObject)item.DeepClone(), updating, out var code))
                return updating ? Answer(-1, $"Hồ sơ {code} không tồn tại") : Answer(3, $"Hồ sơ {code} đã tồn tại");
        }
        return Answer(0, updating ? "Cập nhật hồ sơ thành công" : "Thêm mới hồ sơ thành công");
    }

    /// <summary>The status of a dossier DVCQG itself pushed to the province: filed under its national code, so progress can follow.</summary>
    private static IResult StatusBack(DvcqgState state, JsonObject body)
    {
        if (body["data"] is not JsonObject data || data["MaHoSo"] is null || data["TrangThai"] is null)
            return Answer(-1, "Thiếu MaHoSo hoặc TrangThai");
        var item = (JsonObject)data.DeepClone();
        item["TrangThaiHoSo"] = data["TrangThai"]!.DeepClone();
        if (!state.Store((JsonObject)item.DeepClone(), updating: true, out _))
            state.Store(item, updating: false, out _);
        return Answer(0, "Cập nhật trạng thái thành công");
    }

    private static IResult SyncProgress(DvcqgState state, JsonObject body)
    {
        if (body["data"] is not JsonArray data || data.Count == 0)
            return Answer(-1, "Thiếu data");
        foreach (var item in data.OfType<JsonObject>())
            if (!state.AddProgress((JsonObject)item.DeepClone()))
                return Answer(-1, $"Hồ sơ {item["MaHoSo"]} không tồn tại");
        return Answer(0, "Đồng bộ tiến độ thành công");
    }

    private static IResult Lookup(DvcqgState state, JsonObject body)
    {
        var code = body["mahoso"]?.GetValue<string>() ?? "";
        var found = state.Dossiers.TryGetValue(code, out var record) ? new JsonArray(record.Dossier.DeepClone()) : [];
        return Results.Json(new JsonObject { ["error_code"] = 0, ["message"] = "Thành công", ["result"] = found }, DvcqgState.Json);
    }

    internal static IResult Answer(int code, string message) =>
        Results.Json(new JsonObject { ["error_code"] = code, ["message"] = message }, DvcqgState.Json);

    private static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
