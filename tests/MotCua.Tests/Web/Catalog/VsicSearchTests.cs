using System.Text.Json;
using MotCua.Core.Catalog;
using MotCua.Web.Features.Catalog.Reference;
using Outcome = MotCua.Web.Features.Catalog.Reference.BusinessLineMatch.Outcome;

namespace MotCua.Tests.Web.Catalog;

/// <summary>
/// How a typed business line is understood: by code (whatever follows it, so "4711 | …" still works),
/// by its exact name, by words without diacritics when they fit one line only; several fits are
/// ambiguous and nothing is unknown. Stored form data keeps the code and the official name.
/// </summary>
public class VsicSearchTests
{
    private static readonly VsicList List = VsicList.Vsic2018;

    [Theory]
    [InlineData("4711", "4711")]
    [InlineData(" 4711 | Bán lẻ lương thực, thực phẩm ", "4711")]
    [InlineData("4711 – anything at all", "4711")]
    [InlineData("47110", "4711")]
    [InlineData("Lập trình máy vi tính", "6201")]
    [InlineData("lap trinh may vi tinh", "6201")]
    [InlineData("NHÀ HÀNG VÀ CÁC DỊCH VỤ ĂN UỐNG PHỤC VỤ LƯU ĐỘNG", "5610")]
    [InlineData("cat toc", "9631")]
    [InlineData("Khai thác gỗ", "0220")]
    [InlineData("ban le tap hoa", "4711")]
    public void Resolve_FindsOneLine(string typed, string code)
    {
        var match = VsicSearch.Resolve(List, typed);
        Assert.Equal(Outcome.Found, match.Kind);
        Assert.Equal(code, match.Line!.Code);
        Assert.False(match.IsProblem);
    }

    [Fact]
    public void Resolve_WordsThatFitSeveralLines_AreAmbiguous_WithTheBestCandidates()
    {
        var match = VsicSearch.Resolve(List, "ban le thuc pham");
        Assert.Equal(Outcome.Ambiguous, match.Kind);
        Assert.InRange(match.Candidates.Count, 2, VsicSearch.MaxCandidates);
        Assert.Contains(match.Candidates, c => c.Code == "4722");
        Assert.Contains("khớp với nhiều ngành", match.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999", "Không có mã ngành cấp 4 “9999”")]
    [InlineData("0400 | Khai thác", "Không có mã ngành cấp 4")]
    [InlineData("xyz kinh doanh vũ trụ", "Không tìm thấy ngành nào với “xyz kinh doanh vũ trụ”")]
    public void Resolve_UnknownText_SaysWhatWasTyped(string typed, string message)
    {
        var match = VsicSearch.Resolve(List, typed);
        Assert.Equal(Outcome.Unknown, match.Kind);
        Assert.Contains(message, match.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CodeOfAListedGroupMissingFromTheList_IsTakenWithTheTypedName()
    {
        Assert.Null(List.Find("4710"));
        var match = VsicSearch.Resolve(List, "4710 | Bán lẻ tổng hợp");
        Assert.Equal(Outcome.Found, match.Kind);
        Assert.Equal(("4710", "Bán lẻ tổng hợp"), (match.Line!.Code, match.Line.Name));
        Assert.Equal(List.Find("4711")!.SectionCode, match.Line.SectionCode);
    }

    [Fact]
    public void Resolve_Blank_IsEmpty() => Assert.Equal(Outcome.Empty, VsicSearch.Resolve(List, "   ").Kind);

    [Theory]
    [InlineData("nha hang", "5610")]
    [InlineData("Nhà hàng", "5610")]
    [InlineData("lap trinh", "6201")]
    [InlineData("471", "4711")]
    [InlineData("sua chua o to", "4520")]
    [InlineData("tap hoa", "4711")]
    [InlineData("quán ăn", "5610")]
    public void Search_RanksTheExpectedLineFirst(string query, string first) =>
        Assert.Equal(first, VsicSearch.Search(List, query, 8)[0].Code);

    [Fact]
    public void Search_Limits_AndAnswersNothingForNothing()
    {
        Assert.Equal(3, VsicSearch.Search(List, "ban le", 3).Count);
        Assert.Empty(VsicSearch.Search(List, "", 8));
        Assert.Empty(VsicSearch.Search(List, "!!!", 8));
    }

    private static readonly FormField Field = new()
    {
        Key = "businessLines",
        Label = "Ngành, nghề kinh doanh",
        Type = FormFieldType.Rows,
        Required = true,
        Columns =
        [
            new() { Key = "vsicCode", Label = "Mã ngành cấp 4 (VSIC)", Type = FormFieldType.Text, Required = true },
            new() { Key = "lineName", Label = "Tên ngành, nghề", Type = FormFieldType.Text, Required = true },
        ],
    };

    [Fact]
    public void Rules_RefuseAnUnknownCode_AndStoreTheOfficialName()
    {
        var data = JsonSerializer.SerializeToElement(new
        {
            businessLines = new[] { new { vsicCode = "4711 | gõ tay", lineName = "tạp hóa" }, new { vsicCode = "1234", lineName = "không có" } },
        });
        var error = Assert.Single(BusinessLineRules.Validate([Field], data, List));
        Assert.Equal("formData.businessLines[1].vsicCode", error.Field);
        Assert.Contains("“1234”", error.Message, StringComparison.Ordinal);

        var stored = BusinessLineRules.Normalize([Field], data, List).GetProperty("businessLines");
        Assert.Equal("4711", stored[0].GetProperty("vsicCode").GetString());
        Assert.Equal(List.Find("4711")!.Name, stored[0].GetProperty("lineName").GetString());
        Assert.Equal("1234", stored[1].GetProperty("vsicCode").GetString());
        Assert.Equal("4711 – " + List.Find("4711")!.Name, BusinessLineRules.Display(Field, stored[0], List));
    }

    [Fact]
    public void Rules_ReadOldData_AsItWasStored()
    {
        var old = JsonSerializer.SerializeToElement(new { vsicCode = "4711", lineName = "Bán lẻ tổng hợp" });
        Assert.Equal("4711 – Bán lẻ tổng hợp", BusinessLineRules.Display(Field, old, List));
        var codeOnly = JsonSerializer.SerializeToElement(new { vsicCode = "6201" });
        Assert.Equal("6201 – Lập trình máy vi tính", BusinessLineRules.Display(Field, codeOnly, List));
        Assert.True(BusinessLineRules.IsBusinessLines(Field));
        Assert.False(BusinessLineRules.IsBusinessLines(Field with { Columns = [new() { Key = "member", Label = "Thành viên", Type = FormFieldType.Text }] }));
    }
}
