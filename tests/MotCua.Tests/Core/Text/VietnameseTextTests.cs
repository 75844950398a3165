using MotCua.Core.Text;

namespace MotCua.Tests.Core.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký hộ kinh doanh", "dang ky ho kinh doanh")]
    [InlineData("  ĐĂNG KÝ   KẾT HÔN ", "dang ky ket hon")]
    [InlineData("Chứng thực bản sao từ bản chính, giấy tờ", "chung thuc ban sao tu ban chinh giay to")]
    [InlineData("Thủ tục 1.001612", "thu tuc 1.001612")]
    [InlineData("Giấy phép xây dựng (nhà ở riêng lẻ)", "giay phep xay dung nha o rieng le")]
    [InlineData("", "")]
    public void Fold_RemovesCaseDiacriticsAndPunctuation(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_PrecomposedAndDecomposedInput_GiveSameResult() =>
        Assert.Equal(VietnameseText.Fold("Hộ tịch"), VietnameseText.Fold("Hộ tịch".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void Ranking_PrefersExactThenPrefixThenPhraseThenScatteredWords()
    {
        const string q = "dang ky ket hon";
        var tokens = VietnameseText.Tokens(q);
        var exact = SearchRanking.Score(q, tokens, "dang ky ket hon", "1.000894");
        var prefix = SearchRanking.Score(q, tokens, "dang ky ket hon co yeu to nuoc ngoai", "1.000001");
        var phrase = SearchRanking.Score(q, tokens, "thu tuc dang ky ket hon luu dong", "1.000002");
        var scattered = SearchRanking.Score(q, tokens, "ket qua dang ky hon nhan", "1.000003");
        var none = SearchRanking.Score(q, tokens, "cap giay phep xay dung", "1.000004");
        Assert.True(exact > prefix, $"{exact} > {prefix}");
        Assert.True(prefix > phrase, $"{prefix} > {phrase}");
        Assert.True(phrase > scattered, $"{phrase} > {scattered}");
        Assert.Equal(0, none);
    }

    [Fact]
    public void Ranking_CodeMatchBeatsEverything()
    {
        var tokens = VietnameseText.Tokens("1.001612");
        Assert.True(SearchRanking.Score("1.001612", tokens, "dang ky ho kinh doanh", "1.001612")
                    > SearchRanking.Score("1.001612", tokens, "1.001612", "2.000000"));
    }
}
