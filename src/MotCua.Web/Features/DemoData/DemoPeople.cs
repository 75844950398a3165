using System.Globalization;

namespace MotCua.Web.Features.DemoData;

/// <summary>A generated applicant: a resident of Lạng Sơn with a structurally valid ID number.</summary>
internal sealed record DemoPerson(string Name, bool Female, DateOnly BirthDate, string IdNumber, string Phone, string? Email,
    string Ethnicity, string CommuneCode, string Address);

/// <summary>
/// Names, ID numbers, phones and addresses that look like Lạng Sơn's population: mostly Nùng and
/// Tày families (Hoàng, Nông, Lương, Vi, Lộc, Hà, Lăng…) and Kinh ones (Nguyễn, Trần…). ID
/// numbers follow Circular 07/2016/TT-BCA art. 7: province 020, century/sex digit, birth year.
/// </summary>
internal static class DemoPeople
{
    private static readonly (string Name, int Weight)[] Surnames =
    [
        ("Hoàng", 14), ("Nông", 10), ("Lương", 8), ("Vi", 7), ("Lộc", 6), ("Hà", 6), ("Nguyễn", 10), ("Trần", 5),
        ("Lăng", 4), ("Triệu", 4), ("Chu", 3), ("Lâm", 3), ("Mông", 2), ("Hứa", 2), ("Dương", 3), ("Phùng", 2),
        ("Đinh", 2), ("Lý", 3), ("Bế", 3), ("Vy", 2), ("Đàm", 2), ("Lê", 3), ("Phạm", 2),
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Công", "Thế"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Hồng", "Thanh", "Kim", "Phương"];
    private static readonly string[] MaleGiven =
        ["Hùng", "Dũng", "Tuấn", "Thắng", "Cường", "Hải", "Long", "Sơn", "Bình", "Quý", "Khánh", "Vĩnh", "Toàn", "Phúc", "Nam", "Tài", "Lợi", "Hưng", "Thành", "Chiến"];
    private static readonly string[] FemaleGiven =
        ["Lan", "Hoa", "Mai", "Hương", "Huệ", "Thảo", "Nhung", "Liên", "Duyên", "Hạnh", "Yến", "Trang", "Nga", "Thủy", "Hằng", "Dung", "Nhàn", "Vân", "Hiền", "Ly"];

    private static readonly (string Name, int Weight)[] Ethnicities =
        [("Nùng", 40), ("Tày", 34), ("Kinh", 17), ("Dao", 4), ("Sán Chay", 2), ("Hoa", 2), ("H'Mông", 1)];

    private static readonly string[] Villages =
        ["Nà Sla", "Bản Chắt", "Khòn Pát", "Pác Cáp", "Nà Lệnh", "Bó Củng", "Còn Quan", "Khuổi Mỏ", "Pò Mã", "Tà Lài", "Nà Pàn", "Bản Thẩu", "Phai Luông", "Nà Làng", "Khun Pinh"];

    private static readonly string[] Streets =
        ["Trần Đăng Ninh", "Lê Lợi", "Bà Triệu", "Tam Thanh", "Lý Thái Tổ", "Hùng Vương", "Bắc Sơn", "Ngô Quyền", "Phai Vệ", "Chi Lăng", "Tô Thị", "Văn Vỉ"];

    private static readonly string[] PhonePrefixes = ["098", "097", "096", "086", "035", "036", "038", "091", "094", "088", "083", "090", "093", "070"];

    private static readonly string[] BusinessWords = ["Thương mại", "Xây dựng", "Vận tải", "Du lịch", "Nông sản", "Dịch vụ", "Xuất nhập khẩu", "Vật liệu"];
    private static readonly string[] PlaceWords = ["Đồng Đăng", "Kỳ Lừa", "Mẫu Sơn", "Tân Thanh", "Xứ Lạng", "Hữu Nghị", "Chi Lăng", "Na Dương", "Bắc Sơn", "Tam Thanh"];

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static string Weighted(Random rng, (string Name, int Weight)[] items)
    {
        var roll = rng.Next(items.Sum(i => i.Weight));
        foreach (var (name, weight) in items)
        {
            if (roll < weight)
                return name;
            roll -= weight;
        }
        return items[^1].Name;
    }

    public static string FullName(Random rng, bool female) =>
        $"{Weighted(rng, Surnames)} {Pick(rng, female ? FemaleMiddle : MaleMiddle)} {Pick(rng, female ? FemaleGiven : MaleGiven)}";

    public static DemoPerson Person(Random rng, string communeCode, string communeName, DateOnly today, int minAge = 18, int maxAge = 75)
    {
        var female = rng.Next(2) == 0;
        var birth = today.AddYears(-minAge - rng.Next(maxAge - minAge)).AddDays(-rng.Next(365));
        var email = rng.NextDouble() < 0.3 ? $"{Ascii(rng)}{rng.Next(1960, 2006)}@gmail.com" : null;
        return new DemoPerson(FullName(rng, female), female, birth, IdNumber(rng, birth, female), Phone(rng), email,
            Weighted(rng, Ethnicities), communeCode, Address(rng, communeName));
    }

    /// <summary>020 (Lạng Sơn) + century/sex digit (0/1 for the 1900s, 2/3 for the 2000s; odd for women) + yy + 6 digits.</summary>
    public static string IdNumber(Random rng, DateOnly birth, bool female)
    {
        var century = ((birth.Year - 1900) / 100 * 2) + (female ? 1 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"020{century}{birth.Year % 100:00}{rng.Next(1_000_000):000000}");
    }

    public static string Phone(Random rng) =>
        string.Create(CultureInfo.InvariantCulture, $"{Pick(rng, PhonePrefixes)}{rng.Next(10_000_000):0000000}");

    public static string Address(Random rng, string communeName) => communeName.StartsWith("Phường", StringComparison.Ordinal)
        ? $"Số {rng.Next(1, 180)} đường {Pick(rng, Streets)}, {communeName}, tỉnh Lạng Sơn"
        : $"Thôn {Pick(rng, Villages)}, {communeName}, tỉnh Lạng Sơn";

    public static string Ethnicity(Random rng) => Weighted(rng, Ethnicities);

    public static string Village(Random rng) => Pick(rng, Villages);

    public static string Company(Random rng) => rng.Next(3) == 0
        ? $"Công ty cổ phần {Pick(rng, BusinessWords)} {Pick(rng, PlaceWords)}"
        : $"Công ty TNHH {Pick(rng, BusinessWords)} {Pick(rng, PlaceWords)}";

    /// <summary>Enterprise codes registered in Lạng Sơn start with its tax office prefix 4900.</summary>
    public static string EnterpriseCode(Random rng) => string.Create(CultureInfo.InvariantCulture, $"4900{rng.Next(1_000_000):000000}");

    private static string Ascii(Random rng) => Pick(rng, ["hoangmai", "nonghuong", "luongtuan", "vithanh", "lochoa", "hanam", "nguyenlan", "tranbinh", "langvan"]);
}
