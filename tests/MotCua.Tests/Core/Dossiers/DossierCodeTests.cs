using MotCua.Core.Dossiers;

namespace MotCua.Tests.Core.Dossiers;

// Circular 01/2018/TT-VPCP art. 19: V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX (docs/domain/codes.md#dossier-code).
public class DossierCodeTests
{
    [Fact]
    public void Format_CircularExample()
    {
        Assert.Equal("000.00.12.H56-190123-0007", DossierCode.Format("000.00.12.H56", new DateOnly(2019, 1, 23), 7));
    }

    [Fact]
    public void TryParse_CircularExample()
    {
        Assert.True(DossierCode.TryParse("000.00.12.H56-190123-0007", out var unit, out var date, out var sequence));
        Assert.Equal("000.00.12.H56", unit);
        Assert.Equal(new DateOnly(2019, 1, 23), date);
        Assert.Equal(7, sequence);
    }

    [Theory]
    [InlineData(1, "000.20.21.H42-260305-0001")]
    [InlineData(9999, "000.20.21.H42-260305-9999")]
    [InlineData(10000, "000.20.21.H42-260305-10000")]
    [InlineData(123456, "000.20.21.H42-260305-123456")]
    public void Format_SequenceIsNeverTruncated_AndRoundTrips(int sequence, string expected)
    {
        var code = DossierCode.Format("000.20.21.H42", new DateOnly(2026, 3, 5), sequence);
        Assert.Equal(expected, code);
        Assert.True(DossierCode.TryParse(code, out var unit, out var date, out var parsed));
        Assert.Equal(("000.20.21.H42", new DateOnly(2026, 3, 5), sequence), (unit, date, parsed));
    }

    [Theory]
    [InlineData(2050, 1, 1, "000.00.12.H56-500101-0001")]
    [InlineData(2099, 12, 31, "000.00.12.H56-991231-0001")]
    [InlineData(2024, 2, 29, "000.00.12.H56-240229-0001")]
    public void Format_TwoDigitYear_ReadBackInThe2000s(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, DossierCode.Format("000.00.12.H56", new DateOnly(year, month, day), 1));
        Assert.True(DossierCode.TryParse(expected, out _, out var date, out _));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("000.00.12")]
    [InlineData("00.00.12.H56")]
    [InlineData("000.0.12.H56")]
    [InlineData("000.00.12.56")]
    [InlineData("000.00.12.h56")]
    [InlineData("000.00.12.H5")]
    [InlineData("000.00.12.H567")]
    [InlineData("000-00-12-H56")]
    [InlineData(" 000.00.12.H56")]
    [InlineData("000.00.12.H56\n")]
    [InlineData("H56.12")]
    [InlineData("000.00.12.Đ56")]
    public void BadUnitCode_IsRejected(string unit)
    {
        Assert.False(DossierCode.IsValidUnitCode(unit));
        Assert.Throws<ArgumentException>(() => DossierCode.Format(unit, new DateOnly(2026, 3, 5), 1));
    }

    [Fact]
    public void IsValidUnitCode_Null_IsFalse() => Assert.False(DossierCode.IsValidUnitCode(null));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Format_SequenceStartsAtOne(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format("000.00.12.H56", new DateOnly(2026, 3, 5), sequence));

    [Fact]
    public void Format_YearOutsideTwoDigitRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format("000.00.12.H56", new DateOnly(1999, 12, 31), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format("000.00.12.H56", new DateOnly(2100, 1, 1), 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("000.00.12.H56-190123")]
    [InlineData("000.00.12.H56-190123-007")]
    [InlineData("000.00.12.H56-190123-00007")]
    [InlineData("000.00.12.H56-190123-0000")]
    [InlineData("000.00.12.H56-190230-0001")]
    [InlineData("000.00.12.H56-191301-0001")]
    [InlineData("000.00.12.H56-190100-0001")]
    [InlineData("000.00.12.H56-230229-0001")]
    [InlineData("000.00.12.h56-190123-0007")]
    [InlineData("000.00.12.H56-190123-0007 ")]
    [InlineData("000.00.12.H56-190123-0007\n")]
    [InlineData("000.00.12.H56-190123-0007-1")]
    [InlineData("000.00.12.H56_190123_0007")]
    [InlineData("000.00.12.H56-190123-99999999999")]
    [InlineData("000.00.12.H56-١٩٠١٢٣-0007")]
    public void TryParse_Malformed_IsFalse(string? code)
    {
        Assert.False(DossierCode.TryParse(code, out var unit, out var date, out var sequence));
        Assert.Equal((string.Empty, default(DateOnly), 0), (unit, date, sequence));
    }
}
