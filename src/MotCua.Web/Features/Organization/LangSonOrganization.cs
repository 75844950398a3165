using System.Globalization;

namespace MotCua.Web.Features.Organization;

/// <summary>
/// Demo organisation: Lạng Sơn province (code 20) after the 1 July 2025 reorganisation — its 65
/// communes and wards (Decision 19/2025/QĐ-TTg; docs/domain/organisation.md#demo-province), the former districts kept for
/// older records, and its departments as merged in 2025.
/// Agency codes: the province's level-1 code H39 and the numbering of departments and communes
/// below are illustrative; replace them with the province's published QCVN 102 / Decision 20/2020
/// codes before production use.
/// </summary>
public static class LangSonOrganization
{
    public const string ProvinceCode = "20";
    public const string ProvinceName = "Tỉnh Lạng Sơn";
    public const string Level1Code = "H39";
    public static readonly DateOnly Reorganisation = new(2025, 7, 1);

    public sealed record Department(string Code, string Name, string ShortName, AgencyKind Kind, int Number, string? Parent = null);

    public static readonly IReadOnlyList<Department> Departments =
    [
        new("UBND-TINH", "Ủy ban nhân dân tỉnh Lạng Sơn", "UBND tỉnh", AgencyKind.ProvincialPeopleCommittee, 0),
        new("VPUBND", "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", "VP UBND tỉnh", AgencyKind.ProvincialOffice, 1, "UBND-TINH"),
        new("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn", "TTPVHCC tỉnh", AgencyKind.ProvincialServiceCentre, 2, "VPUBND"),
        new("SNV", "Sở Nội vụ tỉnh Lạng Sơn", "Sở Nội vụ", AgencyKind.Department, 3, "UBND-TINH"),
        new("STC", "Sở Tài chính tỉnh Lạng Sơn", "Sở Tài chính", AgencyKind.Department, 4, "UBND-TINH"),
        new("STP", "Sở Tư pháp tỉnh Lạng Sơn", "Sở Tư pháp", AgencyKind.Department, 5, "UBND-TINH"),
        new("SCT", "Sở Công Thương tỉnh Lạng Sơn", "Sở Công Thương", AgencyKind.Department, 6, "UBND-TINH"),
        new("SXD", "Sở Xây dựng tỉnh Lạng Sơn", "Sở Xây dựng", AgencyKind.Department, 7, "UBND-TINH"),
        new("SNNMT", "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn", "Sở NN&MT", AgencyKind.Department, 8, "UBND-TINH"),
        new("SKHCN", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "Sở KH&CN", AgencyKind.Department, 9, "UBND-TINH"),
        new("SGDDT", "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn", "Sở GD&ĐT", AgencyKind.Department, 10, "UBND-TINH"),
        new("SYT", "Sở Y tế tỉnh Lạng Sơn", "Sở Y tế", AgencyKind.Department, 11, "UBND-TINH"),
        new("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn", "Sở VHTT&DL", AgencyKind.Department, 12, "UBND-TINH"),
        new("SDTTG", "Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn", "Sở DT&TG", AgencyKind.Department, 13, "UBND-TINH"),
        new("TTT", "Thanh tra tỉnh Lạng Sơn", "Thanh tra tỉnh", AgencyKind.Department, 14, "UBND-TINH"),
        new("VPDKDD", "Văn phòng Đăng ký đất đai tỉnh Lạng Sơn", "VP ĐKĐĐ", AgencyKind.DepartmentUnit, 15, "SNNMT"),
        new("CAT", "Công an tỉnh Lạng Sơn", "Công an tỉnh", AgencyKind.VerticalAgency, 16),
    ];

    /// <summary>Former districts (valid until 30 Jun 2025), kept so older records keep their addresses.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> LegacyDistricts =
    [
        ("178", "Thành phố Lạng Sơn"), ("180", "Huyện Tràng Định"), ("181", "Huyện Bình Gia"), ("182", "Huyện Văn Lãng"),
        ("183", "Huyện Cao Lộc"), ("184", "Huyện Văn Quan"), ("185", "Huyện Bắc Sơn"), ("186", "Huyện Hữu Lũng"),
        ("187", "Huyện Chi Lăng"), ("188", "Huyện Lộc Bình"), ("189", "Huyện Đình Lập"),
    ];

    /// <summary>The wards formed (in part) from the former city of Lạng Sơn.</summary>
    public static readonly IReadOnlyList<string> FormerCitySuccessors = ["05977", "05983", "05986", "06187"];

    public sealed record Ward(string Code, string Name, AdminUnitKind Kind);

    public static IReadOnlyList<Ward> ReadWards(TextReader csv)
    {
        var wards = new List<Ward>();
        var header = csv.ReadLine();
        if (header is null || !header.StartsWith("ward_code,name", StringComparison.Ordinal))
            throw new InvalidDataException("Unexpected ward list header.");
        while (csv.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var cells = line.Split(',');
            var name = cells[1].Trim();
            var kind = name.StartsWith("Phường", StringComparison.Ordinal) ? AdminUnitKind.Ward
                : name.StartsWith("Đặc khu", StringComparison.Ordinal) ? AdminUnitKind.SpecialZone
                : AdminUnitKind.Commune;
            wards.Add(new Ward(cells[0].Trim(), name, kind));
        }
        return wards;
    }

    /// <summary>QCVN 102 code: levels right to left, unused levels zero (Circular 01/2018 art. 19).</summary>
    public static string Qcvn102(int level2, int level3 = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"000.{level3:00}.{level2:00}.{Level1Code}");

    /// <summary>Decision 20/2020 identifier: groups left to right from the level-1 code.</summary>
    public static string ElectronicId(int level2, int level3 = 0) => level2 == 0
        ? Level1Code
        : level3 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Level1Code}.{level2:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{Level1Code}.{level2:00}.{level3:00}");
}
