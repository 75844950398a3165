using MotCua.Web.Infrastructure.Documents;

namespace MotCua.Tests.Documents;

/// <summary>Sample forms with the field lists of Circular 03/2025/TT-VPCP Annex I (see docs/domain/forms.md#fields).</summary>
public static class FormSamples
{
    public const string Applicant = "Nguyễn Thị Hồng Nhung";
    public const string DossierCode = "000.00.12.H35-260302-0015";
    public const string Form01Title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
    public const string Form07Title = "SỔ THEO DÕI HỒ SƠ";

    public static FormDocument Form01(string? dossierCode = DossierCode) => new(
        FormNumber: "01",
        Title: Form01Title,
        Layout: PaperLayout.A5Portrait,
        ParentAgency: "UBND TỈNH LẠNG SƠN",
        Unit: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        DocumentNumber: "Số: 15/TN-TTPVHCC",
        PlaceAndDate: "Lạng Sơn, ngày 02 tháng 3 năm 2026",
        DossierCode: dossierCode,
        Blocks:
        [
            new ParagraphBlock("Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn tiếp nhận hồ sơ của:"),
            new FieldBlock("Ông/Bà/Tổ chức", Applicant),
            new FieldBlock("Số định danh cá nhân", "020190001234"),
            new FieldBlock("Địa chỉ", "Số 12 đường Trần Đăng Ninh, khối 3, phường Lương Văn Tri, tỉnh Lạng Sơn"),
            new FieldBlock("Số điện thoại", "0912 345 678"),
            new FieldBlock("Thư điện tử", "nhung.nth@example.vn"),
            new FieldBlock("Nội dung yêu cầu giải quyết", "Cấp bản sao trích lục hộ tịch (trích lục khai sinh) cho người đã đăng ký khai sinh tại Việt Nam"),
            new ParagraphBlock("Thành phần hồ sơ nộp gồm:", Bold: true),
            new TableBlock(
                ["STT", "Tên giấy tờ", "Hình thức"],
                [
                    ["1", "Tờ khai đề nghị cấp bản sao trích lục hộ tịch", "Bản chính"],
                    ["2", "Căn cước của người yêu cầu", "Xuất trình"],
                    ["3", "Văn bản ủy quyền (nếu nộp thay)", "Bản chính"],
                ],
                [0.1, 0.65, 0.25]),
            new FieldBlock("Số lượng hồ sơ", "01 (bộ)"),
            new FieldBlock("Thời gian giải quyết hồ sơ theo quy định", "03 ngày làm việc"),
            new FieldBlock("Thời gian nhận hồ sơ", "08 giờ 30 phút, ngày 02/03/2026"),
            new FieldBlock("Thời gian trả kết quả giải quyết hồ sơ", "08 giờ 30 phút, ngày 05/03/2026"),
            new FieldBlock("Đăng ký nhận kết quả tại", "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"),
            new ParagraphBlock("Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 15", Italic: true),
        ],
        Signatures:
        [
            new SignatureBox("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", Applicant),
            new SignatureBox("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", "Hoàng Văn Minh"),
        ]);

    public static string RegisterCode(int row) => $"000.00.12.H35-260302-{row:D4}";

    public static string RegisterName(int row) => $"Lê Văn Dũng {row}";

    /// <summary>The register with <paramref name="rows"/> entries: several A4 landscape pages.</summary>
    public static FormDocument Form07(int rows = 120) => new(
        FormNumber: "07",
        Title: Form07Title,
        Layout: PaperLayout.A4Landscape,
        ParentAgency: "UBND TỈNH LẠNG SƠN",
        Unit: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        DocumentNumber: "Số: 01/STD-TTPVHCC",
        PlaceAndDate: "Lạng Sơn, ngày 31 tháng 3 năm 2026",
        DossierCode: null,
        Blocks:
        [
            new ParagraphBlock("Quyển số: 01 — từ ngày 02/3/2026 đến ngày 31/3/2026", Italic: true, Centered: true),
            new TableBlock(
                ["STT", "Mã hồ sơ", "Tên TTHC", "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết",
                    "Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả", "Phương thức nhận kết quả", "Ký nhận"],
                Enumerable.Range(1, rows).Select(RegisterRow).ToList(),
                [0.45, 2.3, 2.0, 1.4, 1.7, 1.3, 1.0, 1.0, 1.0, 1.3, 0.75]),
        ],
        Signatures: [new SignatureBox("GIÁM ĐỐC", "(Ký, ghi rõ họ tên, đóng dấu)", "Vi Thị Thu Hà")]);

    private static IReadOnlyList<string> RegisterRow(int row)
    {
        // Every seventh procedure has a long name, so rows of different heights share a page.
        var procedure = row % 7 == 0
            ? "Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"
            : "Cấp bản sao trích lục hộ tịch";
        var day = 2 + row % 20;
        return
        [
            row.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RegisterCode(row),
            procedure,
            RegisterName(row),
            $"Phường Đông Kinh, tỉnh Lạng Sơn; 0912 000 {row:D3}",
            "Sở Tư pháp",
            $"{day:D2}/03/2026",
            $"{day + 3:D2}/03/2026",
            row % 5 == 0 ? "" : $"{day + 2:D2}/03/2026",
            row % 3 == 0 ? "Dịch vụ bưu chính" : "Trực tiếp",
            "",
        ];
    }
}
