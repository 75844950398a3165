using System.Globalization;
using System.Security;
using System.Text.Json;

namespace MotCua.Simulator.Lgsp;

/// <summary>
/// The simulated National Population Database: a few fictitious citizens of Lạng Sơn, looked up by ID number,
/// full name and birth date together (docs/integrations/lgsp-population.md#lookup). Answers: found (the citizen
/// as XML in <c>KetQua</c>), not found (an empty <c>CongdanCollection</c>), or mismatch (<c>MaLoi</c> "02": the ID
/// number exists but the name or birth date given do not match it; no data returned).
/// </summary>
internal static class SimulatedCitizens
{
    public sealed record Citizen(string Id, string Name, DateOnly BirthDate, string Gender, string Address, string ProvinceCode, string CommuneCode);

    public static IReadOnlyList<Citizen> All { get; } =
    [
        new("020095000101", "Nông Văn Dân", new DateOnly(1995, 2, 3), "Nam", "Số 12 đường Lê Lợi, khối 3", "20", "06112"),
        new("020188000102", "Hoàng Thị Cư", new DateOnly(1988, 11, 20), "Nữ", "Thôn Pác Khuông", "20", "06112"),
        new("020301000103", "Lý Thị Mai", new DateOnly(2001, 5, 15), "Nữ", "Số 5 ngõ 2 đường Bà Triệu", "20", "06112"),
    ];

    public static Dictionary<string, object?> Answer(JsonElement request)
    {
        string? Text(string name) => request.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var requestId = Text("MaYeuCau");
        var id = Text("SoDinhDanh");
        var citizen = All.FirstOrDefault(c => c.Id == id);
        if (citizen is null)
            return Reply(requestId, "", "", Collection(""));
        var sameName = string.Equals(Normalise(Text("HoVaTen")), Normalise(citizen.Name), StringComparison.OrdinalIgnoreCase);
        var sameBirth = Text("NgayThangNamSinh") == citizen.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (!sameName || !sameBirth)
            return Reply(requestId, "02", "Thông tin họ tên, ngày sinh không khớp với số định danh cá nhân", Collection(""));
        var person = "<CongDan>"
            + $"<SoDinhDanh>{citizen.Id}</SoDinhDanh><HoVaTen>{Xml(citizen.Name)}</HoVaTen>"
            + $"<NgayThangNamSinh>{citizen.BirthDate:yyyyMMdd}</NgayThangNamSinh><GioiTinh>{Xml(citizen.Gender)}</GioiTinh>"
            + $"<QuocTich>Việt Nam</QuocTich><DanToc>Tày</DanToc>"
            + $"<ThuongTru><MaTinh>{citizen.ProvinceCode}</MaTinh><MaXa>{citizen.CommuneCode}</MaXa><ChiTiet>{Xml(citizen.Address)}</ChiTiet></ThuongTru>"
            + $"<NoiOHienTai><MaTinh>{citizen.ProvinceCode}</MaTinh><MaXa>{citizen.CommuneCode}</MaXa><ChiTiet>{Xml(citizen.Address)}</ChiTiet></NoiOHienTai>"
            + "</CongDan>";
        return Reply(requestId, "", "", Collection(person));
    }

    private static string Collection(string people) => $"<Envelope><Body><CongdanCollection>{people}</CongdanCollection></Body></Envelope>";

    private static Dictionary<string, object?> Reply(string? requestId, string code, string message, string xml) => new()
    {
        ["MaYeuCau"] = requestId,
        ["MaLoi"] = code,
        ["MoTaLoi"] = message,
        ["KetQua"] = xml,
    };

    private static string Normalise(string? text) => string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Normalize();

    private static string Xml(string text) => SecurityElement.Escape(text);
}
