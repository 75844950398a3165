using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Integrations.Dvcqg;

/// <summary>
/// The dossier object of <c>DongBoHoSoMC</c> (docs/integrations/dvcqg.md#dossier). Every value is a
/// string on the wire, numbers included; dates are <c>yyyyMMddHHmmss</c> in Vietnam time.
/// </summary>
public sealed record DvcqgDossier
{
    public required string MaHoSo { get; init; }
    public required string MaTTHC { get; init; }
    public required string TenTTHC { get; init; }
    public string MaLinhVuc { get; init; } = "";
    public string TenLinhVuc { get; init; } = "";
    public required string KenhThucHien { get; init; }
    public string SoBienNhan { get; init; } = "";
    public required string ChuHoSo { get; init; }
    public string SoGiayToChuHoSo { get; init; } = "";
    public required string LoaiDoiTuong { get; init; }
    public string MaDoiTuong { get; init; } = "";
    public string ThongTinKhac { get; init; } = "";
    public string Email { get; init; } = "";
    public string Fax { get; init; } = "";
    public string SoDienThoai { get; init; } = "";
    public required string TrichYeuHoSo { get; init; }
    public string NgayNopHoSo { get; init; } = "";
    public string NgayTiepNhan { get; init; } = "";
    public string NgayHenTra { get; init; } = "";
    public required string TrangThaiHoSo { get; init; }
    public string NgayTra { get; init; } = "";
    public string ThongTinTra { get; init; } = "";
    public string HinhThuc { get; init; } = "0";
    public string NgayKetThucXuLy { get; init; } = "";
    public string NgayTuChoi { get; init; } = "";
    public string DonViXuLy { get; init; } = "";
    public string GhiChu { get; init; } = "";
    public IReadOnlyList<DvcqgFile> TaiLieuNop { get; init; } = [];
    public IReadOnlyList<object> DanhSachLePhi { get; init; } = [];
    public IReadOnlyList<object> DanhSachTepDinhKemKhac { get; init; } = [];
    public IReadOnlyList<object> DanhSachHoSoBoSung { get; init; } = [];
    public IReadOnlyList<DvcqgResultPaper> DanhSachGiayToKetQua { get; init; } = [];
    public IReadOnlyList<DvcqgIdentity> DinhDanhCHS { get; init; } = [];
}

public sealed record DvcqgFile(string TepDinhKemId, string TenTepDinhKem, string IsDeleted, string MaThanhPhanHoSo, string DuongDanTaiTepTin);

public sealed record DvcqgResultPaper(string TenGiayTo, string MaThanhPhanHoSo, string GiayToId, string DuongDanTepTinKetQua);

public sealed record DvcqgIdentity(string LoaiDinhDanh, string SoDinhDanh);

/// <summary>One progress item of <c>CapNhatTienDoHoSoMC</c>: one history row of the dossier (docs/integrations/dvcqg.md#progress).</summary>
public sealed record DvcqgProgress(string MaHoSo, string NguoiXuLy, string ChucDanh, string ThoiDiemXuLy, string PhongBanXuLy,
    string NoiDungXuLy, string TrangThai, string NgayBatDau, string NgayKetThucTheoQuyDinh);

/// <summary>The adapter's answer: <c>{"error_code": …, "message": …, "result": …}</c>, <c>error_code</c> a number or a string.</summary>
public sealed record DvcqgAnswer(string? ErrorCode, string? Message, string? Session, JsonElement? Result)
{
    /// <summary>0, "0" and "00" are success (docs/integrations/dvcqg.md#answers).</summary>
    public bool Succeeded => ErrorCode is "0" or "00";

    /// <summary>An add of a dossier the portal already has: error 3 or -3, "đã tồn tại" — sent again as an update.</summary>
    public bool AlreadyExists => ErrorCode is "3" or "-3"
        || (!Succeeded && Message?.Contains("đã tồn tại", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The session token is no longer accepted (docs/integrations/dvcqg.md#session; the exact answer is not published).</summary>
    public bool SessionExpired => !Succeeded && Message is { } m
        && (m.Contains("session", StringComparison.OrdinalIgnoreCase) || m.Contains("phiên", StringComparison.OrdinalIgnoreCase));

    /// <exception cref="JsonException">Not a JSON object with an error_code.</exception>
    public static DvcqgAnswer Parse(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error_code", out var code))
            throw new JsonException("Phản hồi không có error_code.");
        var codeText = code.ValueKind switch
        {
            JsonValueKind.Number => code.GetInt64().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.String => code.GetString()!.Trim(),
            _ => throw new JsonException("error_code không phải số hay chuỗi."),
        };
        return new DvcqgAnswer(codeText, Text(root, "message"), Text(root, "session"),
            root.TryGetProperty("result", out var result) ? result.Clone() : null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

public static class DvcqgFormat
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary><c>yyyyMMddHHmmss</c> in Vietnam time (UTC+7); "" for no date.</summary>
    public static string Date(DateTime? utc) =>
        utc is { } u ? DossierWorkflow.Local(u).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) : "";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cuts to <paramref name="max"/> characters, ending with "…" when cut.</summary>
    public static string Cut(string? text, int max) =>
        string.IsNullOrEmpty(text) ? "" : text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
