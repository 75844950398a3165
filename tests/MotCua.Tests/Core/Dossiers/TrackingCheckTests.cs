using MotCua.Core.Dossiers;

namespace MotCua.Tests.Core.Dossiers;

// Tracking check (docs/domain/codes.md#tracking-check): the tracking page asks for the last 4 digits of the ID number or the phone.
public class TrackingCheckTests
{
    private const string Phone = "0912 345 678";
    private const string Id = "001190012345";

    [Theory]
    [InlineData(Phone, "5678")]
    [InlineData("+84 912.345.678", "5678")]
    [InlineData("(024) 3825-1234 ext", "1234")]
    [InlineData(Id, "2345")]
    [InlineData("1234", "1234")]
    [InlineData("12 3", null)]
    [InlineData("abcd", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void LastFour_OfTheDigits(string? value, string? expected) =>
        Assert.Equal(expected, TrackingCheck.LastFour(value));

    [Theory]
    [InlineData("5678", true)] // phone
    [InlineData("56 78", true)]
    [InlineData(" 5678 ", true)]
    [InlineData("2345", true)] // ID number
    [InlineData("1234", false)]
    [InlineData("5679", false)]
    [InlineData("345678", false)] // exactly four digits are asked for
    [InlineData("678", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Matches_EitherCandidate(string? given, bool expected) =>
        Assert.Equal(expected, TrackingCheck.Matches(given, Id, Phone));

    [Fact]
    public void Matches_MissingCandidates()
    {
        Assert.True(TrackingCheck.Matches("5678", null, Phone));
        Assert.True(TrackingCheck.Matches("2345", Id, null));
        Assert.False(TrackingCheck.Matches("5678", null, null));
        Assert.False(TrackingCheck.Matches("5678", "12", "   "));
    }
}
