using MotCua.Web.Features.Catalog.Reference;

namespace MotCua.Tests.Web.Catalog;

/// <summary>
/// The economic-sector classification shipped with the application (VSIC 2018, Decision
/// 27/2018/QĐ-TTg Annex I): its sections, its level-4 lines with their official names, and the shape
/// that makes a line's code belong to its section.
/// </summary>
public class VsicListTests
{
    private static readonly VsicList List = VsicList.Vsic2018;

    // Divisions (the first two digits) of each section, Decision 27/2018/QĐ-TTg Annex I.
    private static readonly Dictionary<string, (int From, int To)> Divisions = new()
    {
        ["A"] = (1, 3),
        ["B"] = (5, 9),
        ["C"] = (10, 33),
        ["D"] = (35, 35),
        ["E"] = (36, 39),
        ["F"] = (41, 43),
        ["G"] = (45, 47),
        ["H"] = (49, 53),
        ["I"] = (55, 56),
        ["J"] = (58, 63),
        ["K"] = (64, 66),
        ["L"] = (68, 68),
        ["M"] = (69, 75),
        ["N"] = (77, 82),
        ["O"] = (84, 84),
        ["P"] = (85, 85),
        ["Q"] = (86, 88),
        ["R"] = (90, 93),
        ["S"] = (94, 96),
        ["T"] = (97, 98),
        ["U"] = (99, 99),
    };

    [Fact]
    public void TheList_HasTheTwentyOneSections_AndItsLevelFourLines_EachOnce()
    {
        Assert.Equal(Divisions.Keys.Order(StringComparer.Ordinal), List.Sections.Select(s => s.Code));
        // The shipped edition: docs/domain/forms.md#business-lines-vsic says which lines of the Decision's 486 are still to be added.
        Assert.Equal(458, List.Lines.Count);
        Assert.Equal(List.Lines.Count, List.Lines.Select(l => l.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(List.Lines, l => Assert.Matches(@"^\d{4}$", l.Code));
        Assert.Equal(242, List.Lines.Select(l => l.Code[..3]).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(88, List.Lines.Select(l => l.Code[..2]).Distinct(StringComparer.Ordinal).Count());
        Assert.All(List.Lines, l =>
        {
            var division = int.Parse(l.Code[..2], System.Globalization.CultureInfo.InvariantCulture);
            var (from, to) = Divisions[l.SectionCode];
            Assert.InRange(division, from, to);
        });
        Assert.Equal(List.Lines.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => l.Code), List.Lines.Select(l => l.Code));
    }

    [Theory]
    [InlineData("4711", "Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp", "G")]
    [InlineData("6201", "Lập trình máy vi tính", "J")]
    [InlineData("5610", "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động", "I")]
    [InlineData("0131", "Nhân và chăm sóc cây giống hàng năm", "A")]
    [InlineData("4101", "Xây dựng nhà để ở", "F")]
    [InlineData("9631", "Cắt tóc, làm đầu, gội đầu", "S")]
    public void SpotChecks_MatchTheDecision(string code, string name, string section)
    {
        var line = List.Find(code);
        Assert.NotNull(line);
        Assert.Equal(name, line.Name);
        Assert.Equal(section, line.SectionCode);
        Assert.Equal($"{code} – {name}", line.Display);
    }

    [Fact]
    public void NamesAreComposedUnicode_WithoutStrayWhitespace()
    {
        Assert.All(List.Lines, l =>
        {
            Assert.Equal(l.Name.Normalize(System.Text.NormalizationForm.FormC), l.Name);
            Assert.Equal(l.Name.Trim(), l.Name);
            Assert.DoesNotContain("  ", l.Name, StringComparison.Ordinal);
        });
        Assert.Null(List.Find("4710"));
        Assert.Null(List.Find("47110"));
    }

    [Theory]
    [InlineData("4711\tBán lẻ")]
    [InlineData("A\tNông nghiệp\n471\tBán lẻ")]
    [InlineData("A\tNông nghiệp\n4711")]
    public void Parse_RefusesAMalformedList(string text) =>
        Assert.Throws<FormatException>(() => VsicList.Parse(new StringReader(text)));
}
