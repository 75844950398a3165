using System.Text.Json.Nodes;

namespace MotCua.Simulator.Dvcqg;

/// <summary>
/// The national procedure catalogue behind the simulated <c>LayThuTuc</c> (docs/integrations/simulator.md#dvcqg):
/// a few procedures in the <c>result[0]</c> shape DVCQG answers (field names as the public one-stop code reads
/// them, docs/integrations/dvcqg.md#catalogue); an unknown <c>maTTHC</c> answers an empty <c>result</c>.
/// </summary>
public static class DvcqgProcedures
{
    /// <summary>A procedure the demo catalogue already has (published), here with a longer online time and a new fee.</summary>
    public const string KnownToDemo = "2.001610";

    /// <summary>A procedure the demo catalogue does not have, in a sector it does not have either.</summary>
    public const string NewToDemo = "1.001234";

    public static IResult Answer(JsonObject body)
    {
        var code = body["maTTHC"]?.GetValue<string>() ?? "";
        var result = code switch
        {
            KnownToDemo => PrivateEnterprise(),
            NewToDemo => Nationality(),
            _ => null,
        };
        return Results.Json(new JsonObject
        {
            ["error_code"] = 0,
            ["message"] = result is null ? $"Không tìm thấy thủ tục {code}" : "Thành công",
            ["result"] = result is null ? new JsonArray() : new JsonArray(result),
        }, DvcqgState.Json);
    }

    private static JsonObject PrivateEnterprise() => new()
    {
        ["MATTHC"] = KnownToDemo,
        ["TENTTHC"] = "Đăng ký thành lập doanh nghiệp tư nhân",
        ["MACOQUANCONGBO"] = "G05",
        ["LINHVUCTHUCHIEN"] = new JsonArray(new JsonObject { ["MALINHVUC"] = "G05-KD07", ["TENLINHVUC"] = "Thành lập và hoạt động của doanh nghiệp" }),
        ["TRINHTUTHUCHIEN"] = new JsonArray(new JsonObject
        {
            ["TRUONGHOP"] = "",
            ["TRINHTU"] = new JsonArray(new JsonObject { ["TENTRINHTU"] = "Nộp hồ sơ tại Phòng Đăng ký kinh doanh" },
                new JsonObject { ["TENTRINHTU"] = "Phòng Đăng ký kinh doanh xem xét, cấp Giấy chứng nhận đăng ký doanh nghiệp" }),
        }),
        ["CACHTHUCTHUCHIEN"] = new JsonArray(
            Channel("1", "3", "Ngày làm việc", Fee("50000", "Lệ phí đăng ký doanh nghiệp"), Fee("100000", "Phí công bố nội dung đăng ký doanh nghiệp")),
            Channel("2", "3", "Ngày làm việc", Fee("100000", "Phí công bố nội dung đăng ký doanh nghiệp")),
            Channel("3", "3", "Ngày làm việc", Fee("50000", "Lệ phí đăng ký doanh nghiệp"), Fee("100000", "Phí công bố nội dung đăng ký doanh nghiệp"))),
        ["THANHPHANHOSO"] = new JsonArray(new JsonObject
        {
            ["TRUONGHOP"] = "",
            ["GIAYTO"] = new JsonArray(Paper("Giấy đề nghị đăng ký doanh nghiệp", "1", "0", "Phụ lục I-1"),
                Paper("Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân", "0", "1", "")),
        }),
        ["DOITUONGTHUCHIEN"] = new JsonArray(new JsonObject { ["MADOITUONG"] = "1", ["TENDOITUONG"] = "Công dân Việt Nam" }),
        ["COQUANTHUCHIEN"] = new JsonArray(new JsonObject { ["MADONVI"] = "000.00.04.H39", ["TENDONVI"] = "Sở Tài chính tỉnh Lạng Sơn" }),
        ["YEUCAU"] = "Ngành, nghề đăng ký kinh doanh không bị cấm đầu tư kinh doanh; tên doanh nghiệp đặt đúng quy định.",
        ["KETQUATHUCHIEN"] = new JsonArray(new JsonObject { ["MAKETQUA"] = "KQ.2.001610.1", ["TENKETQUA"] = "Giấy chứng nhận đăng ký doanh nghiệp" }),
        ["CANCUPHAPLY"] = new JsonArray(
            new JsonObject { ["SOVANBAN"] = "59/2020/QH14", ["TENVANBAN"] = "Luật Doanh nghiệp" },
            new JsonObject { ["SOVANBAN"] = "168/2025/NĐ-CP", ["TENVANBAN"] = "Nghị định về đăng ký doanh nghiệp" }),
        ["MATTHCDP"] = "",
    };

    private static JsonObject Nationality() => new()
    {
        ["MATTHC"] = NewToDemo,
        ["TENTTHC"] = "Xác nhận có quốc tịch Việt Nam ở trong nước",
        ["MACOQUANCONGBO"] = "G15",
        ["LINHVUCTHUCHIEN"] = new JsonArray(new JsonObject { ["MALINHVUC"] = "G15-TP08", ["TENLINHVUC"] = "Quốc tịch" }),
        ["TRINHTUTHUCHIEN"] = new JsonArray(new JsonObject
        {
            ["TRUONGHOP"] = "",
            ["TRINHTU"] = new JsonArray(new JsonObject { ["TENTRINHTU"] = "Nộp hồ sơ tại Sở Tư pháp" },
                new JsonObject { ["TENTRINHTU"] = "Sở Tư pháp kiểm tra, cấp Giấy xác nhận có quốc tịch Việt Nam" }),
        }),
        ["CACHTHUCTHUCHIEN"] = new JsonArray(
            Channel("1", "5", "Ngày làm việc", Fee("100000", "Lệ phí xác nhận có quốc tịch Việt Nam")),
            Channel("2", "4", "Ngày làm việc", Fee("100000", "Lệ phí xác nhận có quốc tịch Việt Nam"))),
        ["THANHPHANHOSO"] = new JsonArray(new JsonObject
        {
            ["TRUONGHOP"] = "",
            ["GIAYTO"] = new JsonArray(Paper("Tờ khai đề nghị xác nhận có quốc tịch Việt Nam", "1", "0", "Mẫu TP/QT-2020-TKXNCQT"),
                Paper("Bản chụp giấy tờ tùy thân", "0", "1", "")),
        }),
        ["DOITUONGTHUCHIEN"] = new JsonArray(new JsonObject { ["MADOITUONG"] = "1", ["TENDOITUONG"] = "Công dân Việt Nam" }),
        ["COQUANTHUCHIEN"] = new JsonArray(new JsonObject { ["MADONVI"] = "000.00.05.H39", ["TENDONVI"] = "Sở Tư pháp tỉnh Lạng Sơn" }),
        ["YEUCAU"] = "Không",
        ["KETQUATHUCHIEN"] = new JsonArray(new JsonObject { ["MAKETQUA"] = "KQ.1.001234.1", ["TENKETQUA"] = "Giấy xác nhận có quốc tịch Việt Nam" }),
        ["CANCUPHAPLY"] = new JsonArray(
            new JsonObject { ["SOVANBAN"] = "24/2008/QH12", ["TENVANBAN"] = "Luật Quốc tịch Việt Nam" },
            new JsonObject { ["SOVANBAN"] = "16/2020/NĐ-CP", ["TENVANBAN"] = "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Quốc tịch Việt Nam" }),
        ["MATTHCDP"] = "",
    };

    /// <summary>KENH 1 in person, 2 online, 3 by post; one time limit with its fees.</summary>
    private static JsonObject Channel(string channel, string time, string unit, params JsonObject[] fees) => new()
    {
        ["KENH"] = channel,
        ["THOIGIAN"] = new JsonArray(new JsonObject
        {
            ["THOIGIANGIAIQUYET"] = time,
            ["DONVITINH"] = unit,
            ["MOTA"] = "Kể từ ngày nhận đủ hồ sơ hợp lệ",
            ["PHILEPHI"] = new JsonArray(fees),
        }),
    };

    private static JsonObject Fee(string amount, string description) =>
        new() { ["MAPHILEPHI"] = "", ["SOTIEN"] = amount, ["DONVI"] = "Đồng", ["MOTA"] = description };

    private static JsonObject Paper(string name, string originals, string copies, string template) =>
        new() { ["MAGIAYTO"] = "", ["TENGIAYTO"] = name, ["SOBANCHINH"] = originals, ["SOBANSAO"] = copies, ["TENMAUDON"] = template };
}
