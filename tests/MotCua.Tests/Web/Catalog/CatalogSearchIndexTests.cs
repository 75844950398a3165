using MotCua.Core.Catalog;
using MotCua.Core.Text;
using MotCua.Web.Features.Catalog;

namespace MotCua.Tests.Web.Catalog;

/// <summary>
/// The catalogue's word index must find exactly what a scan of every folded name finds: a query word
/// matches where the folded name contains it or the code starts with it, every word must match, and
/// ranked results keep list order (folded name, then code) among equal scores.
/// </summary>
public class CatalogSearchIndexTests
{
    private static readonly string[] Names =
    [
        "Đăng ký hộ kinh doanh", "Đăng ký kết hôn", "Đăng ký khai sinh", "Cấp giấy phép xây dựng",
        "Cấp lại giấy phép xây dựng", "Cấp giấy chứng nhận quyền sử dụng đất", "Cấp bản sao giấy khai sinh",
        "Chứng thực bản sao từ bản chính", "Đăng ký thường trú", "Thay đổi nội dung đăng ký hộ kinh doanh",
        "Giải quyết khiếu nại lần đầu", "Cấp giấy phép kinh doanh karaoke", "Đăng ký kết hôn có yếu tố nước ngoài",
    ];

    private static readonly CatalogSnapshot Catalog = Build();

    private static CatalogSnapshot Build()
    {
        // Many near-identical names, as a real catalogue has for each district, so postings are long.
        var entries = Enumerable.Range(0, 300)
            .Select(i => (Name: Names[i % Names.Length] + (i % 3 == 0 ? "" : $" huyện {i % 7}"), Code: $"{1 + i % 2}.00{i:D4}"))
            .Select(x => (x.Name, x.Code, Folded: VietnameseText.Fold(x.Name)))
            .OrderBy(x => x.Folded, StringComparer.Ordinal).ThenBy(x => x.Code, StringComparer.Ordinal)
            .Select((x, i) => new CatalogEntry(i + 1, i + 1, x.Code, x.Name, x.Folded, "S" + (i % 4), ",1,", ["1"], OnlineLevel.FullyOnline))
            .ToArray();
        return new CatalogSnapshot(1, new DateOnly(2026, 12, 4), entries, new Dictionary<string, IReadOnlyDictionary<long, OnlineLevel>>(),
            new Dictionary<long, IReadOnlyList<long>>(), [], [], []);
    }

    [Theory]
    [InlineData("giay")]
    [InlineData("ay")]
    [InlineData("dang ky ho kinh doanh")]
    [InlineData("cấp giấy phép xây dựng")]
    [InlineData("huyen 3")]
    [InlineData("2.00")]
    [InlineData("1.000")]
    [InlineData("ket hon nuoc ngoai")]
    [InlineData("khai sinh karaoke")]
    [InlineData("zzz")]
    [InlineData("g")]
    public void MatchingAll_IsWhatAScanOfEveryNameFinds(string q)
    {
        var tokens = VietnameseText.Tokens(q);
        var scanned = Catalog.Entries.Select((e, i) => (e, i))
            .Where(x => tokens.All(t => x.e.NameFolded.Contains(t, StringComparison.Ordinal) || x.e.Code.StartsWith(t, StringComparison.Ordinal)))
            .Select(x => x.i).ToArray();

        Assert.Equal(scanned, Catalog.SearchIndex.MatchingAll(tokens));
        // The second answer comes from the index's memory and must be the same.
        Assert.Equal(scanned, Catalog.SearchIndex.MatchingAll(tokens));
    }

    [Theory]
    [InlineData("dang ky ket hon")]
    [InlineData("giay phep")]
    [InlineData("cap")]
    public void Search_RanksLikeScoringEveryMatch_TiesInListOrder(string q)
    {
        var tokens = VietnameseText.Tokens(q);
        var folded = VietnameseText.Fold(q);
        var expected = Catalog.Entries
            .Where(e => tokens.All(t => e.NameFolded.Contains(t, StringComparison.Ordinal) || e.Code.StartsWith(t, StringComparison.Ordinal)))
            .Select((e, position) => (e.Code, Score: SearchRanking.Score(folded, tokens, e.NameFolded, e.Code), position))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.position)
            .Select(x => x.Code).ToArray();
        Assert.NotEmpty(expected);

        var found = new List<string>();
        var total = 0;
        for (var page = 1; ; page++)
        {
            var result = SearchProceduresHandler.Search(Catalog, new SearchProceduresRequest(q, null, null, null, null, page, 20));
            total = result.Total;
            found.AddRange(result.Items.Select(i => i.Code));
            if (result.Items.Count < 20)
                break;
        }

        Assert.Equal(expected.Length, total);
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Search_WithASectorFilter_CountsOnlyThatSector()
    {
        var all = SearchProceduresHandler.Search(Catalog, new SearchProceduresRequest("dang ky", null, null, null, null, 1, 500));
        var s1 = SearchProceduresHandler.Search(Catalog, new SearchProceduresRequest("dang ky", "S1", null, null, null, 1, 500));

        Assert.Equal(all.Items.Count(i => i.SectorCode == "S1"), s1.Total);
        Assert.All(s1.Items, i => Assert.Equal("S1", i.SectorCode));
        Assert.True(s1.Total > 0 && s1.Total < all.Total);
    }
}
