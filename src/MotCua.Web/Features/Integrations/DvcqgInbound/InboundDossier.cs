using System.Globalization;
using System.Text.Json;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Integrations.DvcqgInbound;

/// <summary>One entry of <c>TaiLieuNop</c>: a file given inline (<c>Base64</c>) or by its download address (<c>DuongDanTaiTepTin</c>).</summary>
public sealed record InboundDocument(string FileName, string? Base64, Uri? Url, string? ComponentCode);

/// <summary>
/// The dossier object DVCQG pushes (the <c>DongBoHoSoMC</c> data item, docs/integrations/dvcqg-inbound.md#fields),
/// read field by field: every value is a string on the wire, though numbers are accepted too.
/// </summary>
public sealed record InboundDossier(
    string NationalCode, string ProcedureCode, string? CaseCode, string? UnitCode, string ApplicantName, ApplicantType ApplicantType,
    string? IdNumber, string? Phone, string? Email, DateTime SubmittedAtUtc, string? Summary, IReadOnlyList<InboundDocument> Documents)
{
    public const int MaxDocuments = 50;

    /// <summary>The dossier, or the Vietnamese reason it is refused.</summary>
    public static (InboundDossier? Dossier, string? Error) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (null, "Nội dung phải là một đối tượng hồ sơ (JSON object).");
        var national = Text(root, "MaHoSo");
        if (national is null || national.Length > 40 || national.Any(char.IsWhiteSpace))
            return (null, "Thiếu hoặc sai mã hồ sơ quốc gia (MaHoSo, tối đa 40 ký tự, không có khoảng trắng).");
        var procedure = Text(root, "MaTTHC");
        if (procedure is null || procedure.Length > 40)
            return (null, "Thiếu mã thủ tục hành chính (MaTTHC).");
        var name = Text(root, "ChuHoSo");
        if (name is null || name.Length > 200)
            return (null, "Thiếu tên chủ hồ sơ (ChuHoSo, tối đa 200 ký tự).");
        var id = Text(root, "SoGiayToChuHoSo");
        if (id is not null && (id.Length is not (9 or 12) || !id.All(char.IsAsciiDigit)))
            return (null, "Số giấy tờ của chủ hồ sơ (SoGiayToChuHoSo) phải gồm 9 hoặc 12 chữ số.");
        var phone = Text(root, "SoDienThoai");
        if (phone is not null && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c == '+')))
            return (null, "Số điện thoại (SoDienThoai) không hợp lệ.");
        var email = Text(root, "Email");
        if (email is not null && (email.Length > 200 || !email.Contains('@', StringComparison.Ordinal)))
            return (null, "Địa chỉ thư điện tử (Email) không hợp lệ.");
        var submitted = Text(root, "NgayNopHoSo");
        if (submitted is null || !DateTime.TryParseExact(submitted, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return (null, "Ngày nộp hồ sơ (NgayNopHoSo) phải theo định dạng yyyyMMddHHmmss.");
        var summary = Text(root, "TrichYeuHoSo");
        if (summary is { Length: > 1000 })
            return (null, "Trích yếu hồ sơ (TrichYeuHoSo) dài quá 1000 ký tự.");
        var type = Text(root, "LoaiDoiTuong") switch
        {
            null or "1" => ApplicantType.Citizen,
            "2" => ApplicantType.Business,
            "3" => ApplicantType.StateAgency,
            "4" => ApplicantType.Organization,
            _ => (ApplicantType?)null,
        };
        if (type is null)
            return (null, "Loại đối tượng (LoaiDoiTuong) phải là 1, 2, 3 hoặc 4.");
        var (documents, error) = ReadDocuments(root);
        if (error is not null)
            return (null, error);
        return (new InboundDossier(national, procedure, Text(root, "MaTruongHop"), Text(root, "MaDonVi"), name, type.Value, id, phone, email,
            VietnamTime.ToOffset(local).UtcDateTime, summary, documents!), null);
    }

    private static (List<InboundDocument>? Documents, string? Error) ReadDocuments(JsonElement root)
    {
        var result = new List<InboundDocument>();
        if (!root.TryGetProperty("TaiLieuNop", out var list) || list.ValueKind == JsonValueKind.Null)
            return (result, null);
        if (list.ValueKind != JsonValueKind.Array)
            return (null, "TaiLieuNop phải là một danh sách.");
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                return (null, "Mỗi tài liệu trong TaiLieuNop phải là một đối tượng.");
            // A file the applicant removed on DVCQG is not part of the dossier.
            if (Text(item, "IsDeleted") is "True" or "true" or "1")
                continue;
            var name = Text(item, "TenTepDinhKem");
            if (name is null || name.Length > 4000)
                return (null, "Tài liệu thiếu tên tệp (TenTepDinhKem).");
            var base64 = Text(item, "Base64");
            var address = Text(item, "DuongDanTaiTepTin");
            Uri? url = null;
            if (base64 is null && (address is null || !Uri.TryCreate(address, UriKind.Absolute, out url)))
                return (null, $"Tài liệu \"{Short(name)}\" không có nội dung (Base64) hay đường dẫn tải tệp (DuongDanTaiTepTin) hợp lệ.");
            result.Add(new InboundDocument(name, base64, base64 is null ? url : null, Text(item, "MaThanhPhanHoSo")));
        }
        return result.Count > MaxDocuments ? (null, $"Hồ sơ có quá nhiều tài liệu (tối đa {MaxDocuments}).") : (result, null);
    }

    public static string Short(string name) => name.Length <= 80 ? name : name[..80] + "…";

    /// <summary>A field as trimmed text: strings as they are, numbers as written; empty or absent is null.</summary>
    public static string? Text(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
            return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
