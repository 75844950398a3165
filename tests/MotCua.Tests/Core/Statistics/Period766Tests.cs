using MotCua.Core.Statistics;

namespace MotCua.Tests.Core.Statistics;

public class Period766Tests
{
    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31", "Năm 2026")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "Quý I/2026")]
    [InlineData("2025-q4", "2025-10-01", "2025-12-31", "Quý IV/2025")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28", "Tháng 02/2026")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "Tháng 02/2024")]
    [InlineData("2025-12-01..2026-02-28", "2025-12-01", "2026-02-28", "Từ 01/12/2025 đến 28/02/2026")]
    [InlineData(" 2026-03-02..2026-03-02 ", "2026-03-02", "2026-03-02", "Từ 02/03/2026 đến 02/03/2026")]
    public void ValidPeriods(string text, string from, string to, string label)
    {
        var p = Period766.Parse(text, out var error);
        Assert.Null(error);
        Assert.Equal(new Period766(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), label), p);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("26")]
    [InlineData("1999")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-02-30..2026-03-01")]
    [InlineData("2026-03-01..2026-02-01")]
    [InlineData("2010-01-01..2026-01-01")]
    [InlineData("2026-01-01..")]
    [InlineData("quý 1")]
    public void InvalidPeriods_HaveAVietnameseMessage(string? text)
    {
        Assert.Null(Period766.Parse(text, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
