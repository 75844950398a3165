using MotCua.Core.Dossiers;

namespace MotCua.Tests.Core.Dossiers;

public class UploadFileNameTests
{
    [Theory]
    [InlineData("Giấy đề nghị.pdf", "Giấy đề nghị")]
    [InlineData("C:\\Users\\an\\Desktop\\to-khai.pdf", "to-khai")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp")]
    [InlineData("a\u2066b\u2069c\u200Bd\u200Fe.docx", "abcde")]
    [InlineData("to\r\nkhai\u0000\u0007.pdf", "tokhai")]
    [InlineData("x\u2028y\u2029z.png", "xyz")]
    [InlineData("lone \ud800surrogate.pdf", "lone surrogate")]
    [InlineData("\"quoted\" <b>|?*:.pdf", "quoted b")]
    [InlineData("\u202E\u200F.pdf", UploadFileName.Fallback)]
    [InlineData("", UploadFileName.Fallback)]
    [InlineData(null, UploadFileName.Fallback)]
    [InlineData("...", UploadFileName.Fallback)]
    public void Clean_KeepsOnlyAVisibleBaseName(string? sent, string expected) =>
        Assert.Equal(expected, UploadFileName.Clean(sent));

    [Fact]
    public void Clean_CutsLongNamesWithoutSplittingACharacter()
    {
        var name = new string('a', UploadFileName.MaxLength - 1) + "😀😀.pdf";
        var clean = UploadFileName.Clean(name);
        Assert.True(clean.Length <= UploadFileName.MaxLength);
        Assert.False(char.IsHighSurrogate(clean[^1]));
    }
}
