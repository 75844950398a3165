namespace MotCua.Core.Statistics;

/// <summary>
/// One indicator of Decision 766/QĐ-TTg: id, Vietnamese name and group, maximum points, target
/// (percent; null = points proportional to the ratio), the formula in Vietnamese, a short expression
/// used to show the computation, and whether MotCua's own data can compute it — with the reason
/// when it cannot. Never a made-up figure for one it cannot compute.
/// </summary>
public sealed record Indicator766(
    string Id, string Group, string Name, decimal Pmax, decimal? Target, string Formula, string Expression,
    bool Computable, string? Reason = null, string? Note = null, string Unit = "%");

/// <summary>
/// The indicator catalogue (docs/domain/decision-766.md#indicators). Group maxima total 100: publicity 18, progress 20, online
/// services 12, online payment 10, digitisation 22, satisfaction 18. Sub-maxima are those captured
/// from the DVCQG reporting API [3P, medium confidence]; the split of group 3's 12 points between
/// 3.1, 3.2 and 3.3 is not published, and MotCua uses 2 / 4 / 6 (a third-party reading of the DVCQG
/// figures, low confidence) until it is — the page says so (<see cref="Caveats"/>).
/// </summary>
public static class Decision766Indicators
{
    public const string Publicity = "1. Công khai, minh bạch";
    public const string Progress = "2. Tiến độ, kết quả giải quyết";
    public const string Online = "3. Cung cấp dịch vụ trực tuyến";
    public const string Payment = "3b. Thanh toán trực tuyến";
    public const string Digitisation = "4. Số hóa hồ sơ";
    public const string Satisfaction = "5. Mức độ hài lòng";

    private const string NoPaymentPlatform =
        "MotCua chưa kết nối nền tảng thanh toán trực tuyến: nghĩa vụ tài chính được cán bộ xác nhận thủ công (trạng thái thanh toán chỉ là chưa yêu cầu / đã yêu cầu / đã thanh toán, không ghi kênh thanh toán).";
    private const string PopulationNote =
        "Hồ sơ sử dụng CSDL dân cư = hồ sơ tiếp nhận trong kỳ mà thông tin người nộp được lấy từ, hoặc khớp với, kết quả tra cứu CSDL quốc gia về dân cư qua LGSP (docs/integrations/lgsp-population.md). MotCua chưa có đăng nhập VNeID nên chưa tính dấu hiệu tài khoản xác thực VNeID.";
    private const string NoFeedbackSystem = "MotCua chưa có hệ thống tiếp nhận, xử lý phản ánh, kiến nghị (PAKN).";

    public static IReadOnlyList<Indicator766> All { get; } =
    [
        new("1.1", Publicity, "TTHC được công bố đúng hạn", 6, null,
            "Số TTHC có ngày quyết định công bố ≤ ngày có hiệu lực của văn bản quy định − 5 ngày làm việc / số TTHC được công bố trong kỳ",
            "công bố đúng hạn / công bố trong kỳ", false,
            "Danh mục của MotCua không lưu số, ngày quyết định công bố TTHC, và căn cứ pháp lý chỉ là tên văn bản, không có ngày có hiệu lực; ngày xuất bản phiên bản trong MotCua không phải ngày quyết định công bố."),
        new("1.2", Publicity, "TTHC được cập nhật, công khai đúng hạn trên CSDL quốc gia về TTHC", 4, null,
            "Số TTHC công khai trên CSDL quốc gia trong vòng 5 ngày làm việc kể từ ngày quyết định công bố / số TTHC phải công khai trong kỳ",
            "công khai đúng hạn / phải công khai", false,
            "Việc công khai diễn ra trên CSDL quốc gia về TTHC, ngoài MotCua; MotCua không có ngày quyết định công bố lẫn ngày công khai."),
        new("1.3", Publicity, "TTHC công khai đầy đủ các bộ phận cấu thành", 2, null,
            "Số TTHC đang công khai có đủ tên, trình tự, cách thức thực hiện, thành phần và số lượng hồ sơ, thời hạn giải quyết, đối tượng, cơ quan thực hiện, kết quả (Nghị định 63/2010/NĐ-CP điều 8 khoản 2) / số TTHC đang công khai",
            "TTHC đủ bộ phận / TTHC đang công khai", true,
            Note: "Kiểm tra trên phiên bản đang có hiệu lực của từng thủ tục trong danh mục MotCua."),
        new("1.4", Publicity, "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", 6, null,
            "Số hồ sơ tiếp nhận trong kỳ đã đồng bộ / max(số hồ sơ theo Hệ thống báo cáo quốc gia, theo Cổng DVCQG)",
            "đã đồng bộ / tiếp nhận", true,
            Note: "Hồ sơ đã đồng bộ = Cổng DVCQG đã nhận hồ sơ (lần thêm mới thành công), kể cả khi lần cập nhật sau đang chờ hoặc lỗi; xem Báo cáo đối soát đồng bộ DVCQG. Số hồ sơ theo Hệ thống báo cáo quốc gia và theo Cổng DVCQG đều lấy từ dữ liệu MotCua (số tiếp nhận trong kỳ). Kỳ không có hồ sơ tiếp nhận: mẫu số là số hồ sơ năm trước / 12 (tháng), / 4 (quý), × 1 (năm), theo tỷ lệ ngày với khoảng ngày khác."),
        new("2.1", Progress, "Hồ sơ xử lý trước hạn, đúng hạn", 20, null,
            "(Số hồ sơ đã giải quyết trước hạn, đúng hạn + số hồ sơ đang giải quyết còn trong hạn) / số hồ sơ tiếp nhận trong kỳ và kỳ trước chuyển sang. Hồ sơ kết thúc xử lý vào lúc sớm nhất trong các lúc: xử lý xong, trả kết quả, dừng xử lý, từ chối, rút hồ sơ (rút chỉ tính khi hồ sơ đã được tiếp nhận); hồ sơ chờ bổ sung mà công dân chưa nộp kết thúc tại thời điểm yêu cầu bổ sung; yêu cầu bổ sung quá một lần là quá hạn; hồ sơ chưa kết thúc lấy thời điểm cuối kỳ (hoặc hiện tại nếu kỳ chưa kết thúc).",
            "(đúng hạn + đang trong hạn) / tiếp nhận", true,
            Note: "Hạn giải quyết của MotCua đã được lùi thêm đúng thời gian tạm dừng (bổ sung, nghĩa vụ tài chính) khi tiếp tục xử lý, nên so sánh trực tiếp với hạn mà không trừ thêm lần nữa. Hồ sơ không có ngày hẹn: so thời gian làm việc đã dùng (trừ thời gian bổ sung) với thời hạn luật định của hồ sơ."),
        new("2.2", Progress, "Thời gian giải quyết trung bình của TTHC (theo dõi)", 0, null,
            "Tổng thời gian giải quyết (ngày làm việc, từ khi bắt đầu tính giờ đến khi xử lý xong, trừ thời gian tạm dừng) của các hồ sơ giải quyết xong trong kỳ / số hồ sơ đó; tính cho từng thủ tục",
            "tổng ngày làm việc / hồ sơ giải quyết xong", true,
            Note: "Chỉ số theo dõi, không tính điểm.", Unit: "ngày làm việc"),
        new("3.1", Online, "TTHC cung cấp dịch vụ công trực tuyến", 2, 80,
            "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình hoặc một phần (tính mức cao nhất) / số TTHC thuộc phạm vi (thủ tục được cung cấp tại đơn vị)",
            "TTHC trực tuyến / TTHC thuộc phạm vi", true,
            Note: "Tỷ lệ toàn trình trên số TTHC đủ điều kiện toàn trình chưa tính được: danh mục chưa có dấu hiệu \"đủ điều kiện toàn trình\"."),
        new("3.2", Online, "Dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến", 4, null,
            "Số TTHC cung cấp trực tuyến có hồ sơ nộp trực tuyến tiếp nhận trong kỳ / số TTHC cung cấp trực tuyến",
            "DVCTT có hồ sơ / DVCTT", true),
        new("3.3", Online, "Hồ sơ nộp trực tuyến", 6, 50,
            "Số hồ sơ tiếp nhận trong kỳ qua kênh trực tuyến, có kết quả điện tử khi kết quả của TTHC là giấy tờ / tổng số hồ sơ tiếp nhận trong kỳ × hệ số đồng bộ (chỉ số 1.4)",
            "hồ sơ trực tuyến / hồ sơ tiếp nhận", true,
            Note: "Tử số = số hồ sơ trực tuyến đạt yêu cầu × hệ số đồng bộ (tỷ lệ chỉ số 1.4, 4 chữ số thập phân). Hồ sơ chưa có kết quả chưa bị đòi kết quả điện tử."),
        new("3.5a", Payment, "TTHC có nghĩa vụ tài chính được tích hợp thanh toán trên Cổng DVCQG", 2, 80,
            "Số TTHC có phí, lệ phí mà hồ sơ đồng bộ có thông tin phí / số TTHC có phí, lệ phí",
            "TTHC tích hợp thanh toán / TTHC có phí", false, NoPaymentPlatform),
        new("3.5b", Payment, "TTHC có phát sinh giao dịch thanh toán trực tuyến", 2, 80,
            "Số TTHC có phí, lệ phí có ít nhất một hồ sơ thanh toán trực tuyến / số TTHC có phí, lệ phí",
            "TTHC có thanh toán trực tuyến / TTHC có phí", false, NoPaymentPlatform),
        new("3.6", Payment, "Hồ sơ thanh toán trực tuyến", 6, null,
            "Số hồ sơ được thanh toán trực tuyến (trên Cổng DVCQG hoặc cổng thanh toán của tỉnh) / số hồ sơ của TTHC có phí, lệ phí",
            "hồ sơ thanh toán trực tuyến / hồ sơ có phí", false, NoPaymentPlatform),
        new("4.1", Digitisation, "Hồ sơ có kết quả giải quyết điện tử", 6, null,
            "Số hồ sơ giải quyết xong trong kỳ có tệp kết quả điện tử / số hồ sơ giải quyết xong trong kỳ của các TTHC có kết quả là giấy tờ",
            "có kết quả điện tử / giải quyết xong", true,
            Note: "Chỉ tính tệp kết quả đính kèm khi duyệt; thông báo kết quả do hệ thống tự tạo không phải bản điện tử của kết quả."),
        new("4.2", Digitisation, "Hồ sơ được số hóa thành phần", 4, 80,
            "Số hồ sơ tiếp nhận trong kỳ có tệp điện tử của mọi thành phần bắt buộc khi tiếp nhận và có kết quả điện tử (khi kết quả là giấy tờ và hồ sơ đã có kết quả) / số hồ sơ tiếp nhận trong kỳ",
            "hồ sơ số hóa / hồ sơ tiếp nhận", true),
        new("4.x", Digitisation, "Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", 2, null,
            "Chỉ số trên API báo cáo của Cổng DVCQG; chưa có mô tả công thức công khai",
            "—", false,
            "MotCua không ghi nhận bản sao điện tử được chứng thực từ bản chính, và công thức của chỉ số chưa được công bố."),
        new("4.3", Digitisation, "Hồ sơ khai thác, sử dụng lại dữ liệu số hóa", 2, 80,
            "Số hồ sơ có ít nhất một thành phần sử dụng lại dữ liệu đã số hóa / số hồ sơ tiếp nhận trong kỳ",
            "hồ sơ tái sử dụng / hồ sơ tiếp nhận", false,
            "Tệp của hồ sơ không có dấu hiệu \"sử dụng lại từ dữ liệu đã số hóa\"; MotCua chưa có kho dữ liệu số hóa để tái sử dụng."),
        new("4.4", Digitisation, "Hồ sơ số hóa kết nối, chia sẻ với Kho quản lý dữ liệu điện tử trên Cổng DVCQG", 4, null,
            "Số hồ sơ có thành phần lấy từ Kho dữ liệu điện tử của tổ chức, cá nhân hoặc có kết quả điện tử đưa vào kho / số hồ sơ tiếp nhận trong kỳ",
            "hồ sơ kết nối kho / hồ sơ tiếp nhận", false,
            "MotCua chưa kết nối Kho quản lý dữ liệu điện tử của tổ chức, cá nhân trên Cổng DVCQG."),
        new("4.5a", Digitisation, "TTHC kết nối, chia sẻ dữ liệu với CSDL quốc gia về dân cư", 2, null,
            "Số TTHC có hồ sơ sử dụng dữ liệu CSDL dân cư hoặc tài khoản xác thực VNeID / số TTHC có đối tượng là công dân",
            "TTHC kết nối CSDL dân cư / TTHC cho công dân", true,
            Note: PopulationNote + " TTHC cho công dân: phiên bản đang có hiệu lực có đối tượng thực hiện là công dân; TTHC có kết nối khi có hồ sơ tiếp nhận trong kỳ tại đơn vị được xác thực như vậy."),
        new("4.5b", Digitisation, "Hồ sơ sử dụng thông tin từ CSDL quốc gia về dân cư", 2, null,
            "Số hồ sơ tiếp nhận trong kỳ sử dụng dữ liệu CSDL dân cư hoặc tài khoản xác thực VNeID / số hồ sơ tiếp nhận trong kỳ",
            "hồ sơ dùng CSDL dân cư / hồ sơ tiếp nhận", true, Note: PopulationNote),
        new("5.1", Satisfaction, "Phản ánh, kiến nghị theo nhóm nội dung (theo dõi)", 0, null,
            "Tỷ lệ phản ánh, kiến nghị về quy định, TTHC và về hành vi của cán bộ, công chức",
            "—", false, NoFeedbackSystem),
        new("5.2", Satisfaction, "Phản ánh, kiến nghị được xử lý đúng hạn", 6, null,
            "Số phản ánh, kiến nghị xử lý đúng hạn, trong hạn / số phản ánh, kiến nghị tiếp nhận, xử lý trong kỳ",
            "PAKN đúng hạn / PAKN", false, NoFeedbackSystem),
        new("5.3", Satisfaction, "Mức độ hài lòng trong xử lý phản ánh, kiến nghị", 6, null,
            "(Tổng PAKN − không hài lòng − quá hạn − khiếu nại lại) / tổng PAKN tiếp nhận lần đầu trong kỳ",
            "PAKN hài lòng / PAKN", false, NoFeedbackSystem),
        new("5.4", Satisfaction, "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC", 6, 90,
            "100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ bị đánh giá không hài lòng), trên cùng tập hồ sơ của chỉ số 2.1",
            "(tiếp nhận − quá hạn − không hài lòng) / tiếp nhận", true,
            Note: "Không hài lòng = đánh giá mức 1–2 (rất không hài lòng, không hài lòng). Phần \"hồ sơ có phản ánh, kiến nghị\" chưa tính được vì MotCua chưa có hệ thống PAKN."),
    ];

    /// <summary>What the page and the API say about the whole computation.</summary>
    public static IReadOnlyList<string> Caveats { get; } =
    [
        "Điểm tối đa từng chỉ số theo số liệu API báo cáo của Cổng DVCQG (độ tin cậy trung bình); phân bổ 12 điểm nhóm 3 cho 3.1 / 3.2 / 3.3 (2 / 4 / 6) chưa được công bố chính thức.",
        "Chỉ số có mẫu số bằng 0 ghi \"không áp dụng\" và không tính vào tổng điểm lẫn điểm tối đa.",
        "Tỷ lệ và điểm làm tròn 2 chữ số thập phân. Có mục tiêu: đạt mục tiêu được điểm tối đa, chưa đạt được tỷ lệ × điểm tối đa / mục tiêu; không có mục tiêu: tỷ lệ × điểm tối đa.",
    ];

    public static Indicator766 Get(string id) => All.First(i => i.Id == id);

    public static decimal MaxPoints => All.Sum(i => i.Pmax);
}
