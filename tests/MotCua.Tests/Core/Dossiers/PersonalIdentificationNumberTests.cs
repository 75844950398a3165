using MotCua.Core.Dossiers;

namespace MotCua.Tests.Core.Dossiers;

// Decree 137/2015/NĐ-CP art. 7 and Circular 07/2016/TT-BCA art. 7: province (3) + century/sex (1)
// + year (2) + random (6). The numbers below are made up for the structure, not real people.
public class PersonalIdentificationNumberTests
{
    [Theory]
    [InlineData("001090012345")] // Hà Nội, man born 1990
    [InlineData("001190012345")] // Hà Nội, woman born 1990
    [InlineData("079205001234")] // TP HCM, man born 2005
    [InlineData("096399000001")] // Cà Mau, woman born 2099
    [InlineData("020085999999")] // Lạng Sơn
    public void IsValid_WellFormed(string value) => Assert.True(PersonalIdentificationNumber.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00109001234")] // 11 digits
    [InlineData("0010900123456")] // 13 digits
    [InlineData("00109001234A")]
    [InlineData("001 90012345")]
    [InlineData("００１０９００１２３４５")] // full-width digits are not ASCII
    [InlineData("003090012345")] // 003 is not a province code
    [InlineData("000090012345")]
    [InlineData("097090012345")]
    [InlineData("100090012345")]
    public void IsValid_Malformed_IsFalse(string? value) => Assert.False(PersonalIdentificationNumber.IsValid(value));

    [Fact]
    public void ProvinceCodes_Are63_AndCoverThe34UnitsOf2025()
    {
        Assert.Equal(63, PersonalIdentificationNumber.ProvinceCodes.Count);
        // Codes kept by the 34 units of Decision 19/2025/QĐ-TTg (docs/domain/organisation.md#province-codes).
        string[] kept =
        [
            "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
            "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96",
        ];
        Assert.Equal(34, kept.Length);
        Assert.All(kept, code => Assert.Contains("0" + code, PersonalIdentificationNumber.ProvinceCodes));
    }

    [Theory]
    [InlineData("001190012345", 1990, true)] // woman 1990 → digit 1
    [InlineData("001090012345", 1990, true)] // man 1990 → digit 0 (sex is not checked)
    [InlineData("001290012345", 1990, false)] // digit 2 is 2090
    [InlineData("079205001234", 2005, true)] // man 2005 → digit 2
    [InlineData("079305001234", 2005, true)] // woman 2005 → digit 3
    [InlineData("079005001234", 2005, false)] // digit 0 is 1905
    [InlineData("079205001234", 2006, false)]
    [InlineData("079405001234", 2105, true)] // 22nd century
    [InlineData("079605001234", 2205, true)] // 23rd century
    [InlineData("079805001234", 2305, true)] // Circular 07/2016: 8/9 are the 24th century (2300–2399)
    [InlineData("079805001234", 1805, false)]
    [InlineData("003190012345", 1990, false)] // invalid number never matches
    public void MatchesBirthDate_CenturyAndYearDigits(string value, int year, bool matches) =>
        Assert.Equal(matches, PersonalIdentificationNumber.MatchesBirthDate(value, new DateOnly(year, 6, 15)));

    [Fact]
    public void EncodedBirthYearAndSex()
    {
        Assert.Equal(1990, PersonalIdentificationNumber.EncodedBirthYear("001190012345"));
        Assert.True(PersonalIdentificationNumber.IsFemale("001190012345"));
        Assert.Equal(2005, PersonalIdentificationNumber.EncodedBirthYear("079205001234"));
        Assert.False(PersonalIdentificationNumber.IsFemale("079205001234"));
        Assert.Null(PersonalIdentificationNumber.EncodedBirthYear("12345"));
        Assert.Null(PersonalIdentificationNumber.IsFemale(null));
    }

    [Fact]
    public void Validate_Valid_IsEmpty()
    {
        Assert.Empty(PersonalIdentificationNumber.Validate("001190012345", new DateOnly(1990, 2, 1)));
        Assert.Empty(PersonalIdentificationNumber.Validate("001190012345", null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("0011900123")]
    [InlineData("00119001234x")]
    public void Validate_EmptyOrMalformed_OneMessage(string? value) =>
        Assert.Single(PersonalIdentificationNumber.Validate(value, new DateOnly(1990, 2, 1)));

    [Fact]
    public void Validate_UnknownProvinceAndWrongYear_TwoVietnameseMessages()
    {
        var errors = PersonalIdentificationNumber.Validate("003190012345", new DateOnly(2005, 2, 1));
        Assert.Equal(2, errors.Count);
        Assert.Contains("003", errors[0], StringComparison.Ordinal);
        Assert.Contains("Mã tỉnh", errors[0], StringComparison.Ordinal);
        Assert.Contains("1990", errors[1], StringComparison.Ordinal);
        Assert.Contains("2005", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WrongYearOnly_OneMessage() =>
        Assert.Single(PersonalIdentificationNumber.Validate("001290012345", new DateOnly(1990, 2, 1)));
}
