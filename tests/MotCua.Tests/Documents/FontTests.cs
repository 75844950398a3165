using MotCua.Web.Infrastructure.Documents;
using PdfSharp.Pdf;

namespace MotCua.Tests.Documents;

public class FontTests
{
    // Every Vietnamese vowel with every tone mark, in both cases, plus đ/Đ.
    private const string Letters =
        "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ";

    public static TheoryData<string> Faces => new() { "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique" };

    [Theory]
    [MemberData(nameof(Faces))]
    public void Flattening_LeavesNoCompositeInsideAComposite(string face)
    {
        var original = Resource(face);
        var flat = CompositeGlyphFlattener.Flatten(original);

        var before = CompositeGlyphFlattener.Glyphs(SfntFile.Read(original));
        var after = CompositeGlyphFlattener.Glyphs(SfntFile.Read(flat));
        Assert.Equal(before.Length, after.Length);
        Assert.Contains(before, g => CompositeGlyphFlattener.IsComposite(g)
            && CompositeGlyphFlattener.Parse(g).Components.Any(c => CompositeGlyphFlattener.IsComposite(before[c.Glyph])));
        for (var g = 0; g < after.Length; g++)
        {
            Assert.Equal(CompositeGlyphFlattener.IsComposite(before[g]), CompositeGlyphFlattener.IsComposite(after[g]));
            if (!CompositeGlyphFlattener.IsComposite(after[g]))
                continue;
            Assert.All(CompositeGlyphFlattener.Parse(after[g]).Components,
                c => Assert.False(CompositeGlyphFlattener.IsComposite(after[c.Glyph]), $"glyph {g} still nests glyph {c.Glyph}"));
        }
    }

    [Fact]
    public void Subsets_KeepEveryPartOfTheVietnameseLetters()
    {
        // Groups of six letters, so the paragraph wraps at spaces.
        var text = string.Join(' ', (Letters + Letters.ToUpperInvariant()).Chunk(6).Select(c => new string(c)));
        var form = FormSamples.Form01() with
        {
            Blocks = [new ParagraphBlock(text), new ParagraphBlock(text, Bold: true), new ParagraphBlock(text, Italic: true)],
        };
        var bytes = FormPdf.Render(form);
        using var pdf = PdfTools.Open(bytes);

        var files = pdf.Internals.GetAllObjects().OfType<PdfDictionary>()
            .Where(d => d.Elements.GetName("/Type") == "/FontDescriptor")
            .Select(d => d.Elements.GetReference("/FontFile2")?.Value as PdfDictionary)
            .OfType<PdfDictionary>()
            .ToList();
        Assert.Equal(3, files.Count);
        foreach (var file in files)
        {
            var glyphs = CompositeGlyphFlattener.Glyphs(SfntFile.Read(file.Stream.UnfilteredValue));
            for (var g = 0; g < glyphs.Length; g++)
            {
                if (!CompositeGlyphFlattener.IsComposite(glyphs[g]))
                    continue;
                Assert.All(CompositeGlyphFlattener.Parse(glyphs[g]).Components,
                    c => Assert.True(glyphs[c.Glyph].Length > 0, $"glyph {g} uses glyph {c.Glyph}, which the subset left out"));
            }
        }
        var extracted = string.Concat(PdfTools.Text(bytes).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(Letters + Letters.ToUpperInvariant(), extracted, StringComparison.Ordinal);
    }

    private static byte[] Resource(string face)
    {
        using var stream = typeof(FormPdf).Assembly.GetManifestResourceStream($"fonts/{face}.ttf");
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
