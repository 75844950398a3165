using MotCua.Core.Statistics;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// How MotCua's data feeds each indicator of Circular 01/2018 art. 13, in the words shown to the
/// reader. The choices are MotCua's where the data does not say what the circular asks.
/// </summary>
public static class Evaluation01Texts
{
    public const string Regime01 = "01/2018";
    public const string RegimeReference = "tham khảo";

    public const string Population =
        "Hồ sơ đã tiếp nhận, kết thúc xử lý trong kỳ (đã giải quyết, rút, dừng) hoặc còn đang giải quyết ở cuối kỳ — cùng tập hồ sơ của Biểu 06a. " +
        "Cơ quan: cơ quan có thẩm quyền giải quyết (kèm các đơn vị trực thuộc khi chọn một cơ quan). Cán bộ: chuyên viên được phân công xử lý " +
        "(lần phân công cuối cùng trong lịch sử hồ sơ, hoặc người đang được giao); hồ sơ chưa phân công chỉ tính cho cơ quan.";

    public const string Formula =
        "Điểm chỉ số i = tổng điểm chỉ số i của các hồ sơ có dữ liệu / số hồ sơ có dữ liệu, làm tròn đến một chữ số thập phân (Thông tư 01/2018/TT-VPCP, Điều 15). " +
        "Cán bộ: tổng các chỉ số 1, 2, 3, 4, 7 (tối đa 10 điểm) — từ 5 điểm: Hoàn thành 100% nhiệm vụ; từ 3,5 đến dưới 5: Hoàn thành từ 70% đến dưới 100%; dưới 3,5: Hoàn thành dưới 70%. " +
        "Cơ quan: tổng 9 chỉ số (tối đa 18 điểm) — từ 15: Xuất sắc; từ 12 đến dưới 15: Tốt; từ 9 đến dưới 12: Khá; từ 6 đến dưới 9: Trung bình; dưới 6: Yếu. " +
        "Chỉ số không có dữ liệu được loại ra; xếp loại theo tổng điểm đạt được với đúng các ngưỡng của Thông tư, không quy đổi, và cột “Điểm tối đa” cho biết số điểm có thể đạt của các chỉ số được chấm.";

    public const string NoFeedbackData = "MotCua chưa ghi nhận phản ánh, kiến nghị của tổ chức, cá nhân nên không chấm được chỉ số này.";
    public const string NoDataInPeriod = "Không có hồ sơ nào có dữ liệu cho chỉ số này trong phạm vi và kỳ đã chọn.";

    public static string RegimeNote(int underCircular01, int forReference) =>
        $"{underCircular01} hồ sơ tiếp nhận trước ngày 01/7/2025 được đánh giá theo Thông tư 01/2018/TT-VPCP. " +
        $"{forReference} hồ sơ tiếp nhận từ ngày 01/7/2025 (Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP) được chấm theo cùng bộ chỉ số để tham khảo.";

    public static IReadOnlyList<Evaluation01Rule> Rules { get; } = Evaluation01.AllIndicators.Select(n => new Evaluation01Rule(n, Evaluation01.IndicatorName(n), Rule(n))).ToArray();

    private static string Rule(int number) => number switch
    {
        1 => "Hồ sơ đã giải quyết (trạng thái 9, 10) kết thúc xử lý trong kỳ: trước hạn 2, đúng hạn (cùng phút) 1, quá hạn 0; hồ sơ không có ngày hẹn tính đúng hạn. " +
             "Hồ sơ đang giải quyết, rút hoặc dừng: không có dữ liệu.",
        2 => "Hồ sơ đã giải quyết: từ lịch sử xử lý, mỗi lượt của Bộ phận Một cửa (chuyển hồ sơ) và của từng bước xử lý so với hạn của bước — cộng thêm thời gian tạm dừng " +
             "chờ bổ sung hoặc thực hiện nghĩa vụ tài chính — và mỗi cơ quan được xin ý kiến so với hạn trả lời: tất cả sớm hơn 2, không lượt nào chậm 1, có lượt chậm 0.",
        3 => "Số lần yêu cầu bổ sung hồ sơ (khi tiếp nhận và khi giải quyết): không lần nào 2, một lần 1, từ hai lần 0; chấm cho mọi hồ sơ được đánh giá, hồ sơ đang giải quyết theo số lần đến nay. " +
             "MotCua chưa ghi nhận trường hợp do lỗi của người nộp nên không loại trừ.",
        4 => "Mọi tiếp xúc với người nộp đều qua nơi tiếp nhận hồ sơ: nộp trực tuyến hoặc qua bưu chính và không nhận kết quả tại quầy 2 (không phải đến cơ quan nào); " +
             "nộp trực tiếp hoặc nhận kết quả tại quầy 1 (chỉ Bộ phận Một cửa); chấm cho mọi hồ sơ được đánh giá. " +
             "Mức 0 chỉ khi dữ liệu cho thấy phải đến từ hai cơ quan trở lên — MotCua chưa ghi nhận trường hợp này.",
        5 => "Theo cơ quan có thẩm quyền: 100% hồ sơ được tiếp nhận tại Trung tâm Phục vụ hành chính công hoặc điểm tiếp nhận (kết quả luôn trả qua nơi tiếp nhận) 1, dưới 100% 0; " +
             "2 khi đồng thời cơ quan tự thẩm định, phê duyệt tại Bộ phận Một cửa đủ tỷ lệ thủ tục theo cấp — chỉ xác định được khi chính cơ quan là Trung tâm Phục vụ hành chính công, " +
             "vì MotCua chưa ghi nhận cán bộ được cử phê duyệt tại Bộ phận Một cửa.",
        6 => "MotCua công khai thủ tục bằng điện tử trên Cổng dịch vụ công; việc niêm yết tại trụ sở chưa được ghi nhận: hồ sơ thuộc phiên bản thủ tục đã công bố 1, chưa công bố 0 " +
             "(không có mức 2). Điểm của cơ quan là trung bình theo hồ sơ.",
        7 => "Hồ sơ đã giải quyết trong kỳ: trước hạn 2, đúng hạn hoặc quá hạn 1; chỉ khiếu nại đã xác minh mới cho 0. MotCua chưa ghi nhận khiếu nại nên không hồ sơ nào bị 0; " +
             "đánh giá mức độ hài lòng (1–5) không được coi là khiếu nại.",
        8 => NoFeedbackData,
        9 => "Theo cơ quan có thẩm quyền: thủ tục cung cấp tại cơ quan theo danh mục hiện hành có mức trực tuyến một phần hoặc toàn trình; tỷ lệ hồ sơ trực tuyến trên số hồ sơ được đánh giá; " +
             "hồ sơ trực tuyến trễ hạn là hồ sơ giải quyết quá hạn hoặc còn tồn quá hạn ở cuối kỳ. Từ 20% thủ tục trực tuyến, từ 30% hồ sơ trực tuyến và không trễ hạn 2; " +
             "có thủ tục trực tuyến, từ 15% hồ sơ trực tuyến và không trễ hạn 1; còn lại 0.",
        _ => throw new ArgumentOutOfRangeException(nameof(number)),
    };
}
