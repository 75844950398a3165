using System.IO.Compression;
using System.Text;
using MotCua.Core.Dossiers;

namespace MotCua.Tests.Core.Dossiers;

// Minimal real files built here; the type must come from the content, whatever the name.
public class FileSignatureTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    // SOI, APP0 "JFIF".
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    // Signature, then the start of the IHDR chunk.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    private const string ContentTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(name == "[Content_Types].xml" ? ContentTypes : "<x/>");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/core.xml");

    private static byte[] Xlsx() => Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    private static DocumentFileType? DetectStream(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return FileSignature.Detect(stream);
    }

    public static TheoryData<string, DocumentFileType?> Samples() => new()
    {
        { "pdf", DocumentFileType.Pdf },
        { "jpeg", DocumentFileType.Jpeg },
        { "png", DocumentFileType.Png },
        { "docx", DocumentFileType.Docx },
        { "xlsx", DocumentFileType.Xlsx },
        { "plain zip renamed .docx", null },
        { "docm renamed .docx", null },
        { "zip with word/document.xml but no content types", null },
        { "zip with both document and workbook", null },
        { "odt", null },
        { "truncated docx", null },
        { "zip signature then garbage", null },
        { "exe renamed .pdf", null },
        { "html", null },
        { "pdf after a BOM", null },
        { "empty", null },
        { "random", null },
    };

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => Pdf,
        "jpeg" => Jpeg,
        "png" => Png,
        "docx" => Docx(),
        "xlsx" => Xlsx(),
        "plain zip renamed .docx" => Zip("readme.txt", "data/a.csv"),
        "docm renamed .docx" => Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
        "zip with word/document.xml but no content types" => Zip("word/document.xml"),
        "zip with both document and workbook" => Zip("[Content_Types].xml", "word/document.xml", "xl/workbook.xml"),
        "odt" => Zip("mimetype", "content.xml", "META-INF/manifest.xml"),
        "truncated docx" => Docx()[..(Docx().Length / 2)],
        "zip signature then garbage" => [.. "PK\x03\x04"u8, .. new byte[300]],
        "exe renamed .pdf" => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8],
        "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>%PDF-1.4</body></html>"),
        "pdf after a BOM" => [0xEF, 0xBB, 0xBF, .. Pdf],
        "empty" => [],
        "random" => RandomBytes(new Random(20260305), 4096),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Detect_Stream(string sample, DocumentFileType? expected) =>
        Assert.Equal(expected, DetectStream(Sample(sample)));

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task DetectAsync_SameAsSync(string sample, DocumentFileType? expected)
    {
        using var stream = new MemoryStream(Sample(sample));
        Assert.Equal(expected, await FileSignature.DetectAsync(stream));
    }

    [Fact]
    public void Detect_Span_MagicBytesOnly_ZipIsNull()
    {
        Assert.Equal(DocumentFileType.Pdf, FileSignature.Detect(Pdf.AsSpan(0, 8)));
        Assert.Equal(DocumentFileType.Jpeg, FileSignature.Detect(Jpeg));
        Assert.Equal(DocumentFileType.Png, FileSignature.Detect(Png));
        Assert.Null(FileSignature.Detect(Docx()));
        Assert.Null(FileSignature.Detect(Png.AsSpan(0, 7)));
        Assert.Null(FileSignature.Detect(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Detect_Stream_RestoresPosition()
    {
        using var stream = new MemoryStream(Docx());
        stream.Position = 5;
        Assert.Equal(DocumentFileType.Docx, FileSignature.Detect(stream));
        Assert.Equal(5, stream.Position);
    }

    [Fact]
    public void Detect_Stream_NotSeekable_Throws()
    {
        using var stream = new NonSeekable(Pdf);
        Assert.Throws<ArgumentException>(() => FileSignature.Detect(stream));
    }

    [Fact]
    public void Detect_Stream_GarbageAfterZipSignature_NeverThrows()
    {
        var random = new Random(61);
        var docx = Docx();
        for (var i = 0; i < 300; i++)
        {
            // Random tails, and a real package with random bytes flipped (central directory included).
            byte[] content = i % 2 == 0
                ? [.. "PK\x03\x04"u8, .. RandomBytes(random, random.Next(0, 2000))]
                : Flip(docx, random);
            var type = DetectStream(content);
            Assert.True(type is null or DocumentFileType.Docx);
        }
    }

    private static byte[] Flip(byte[] source, Random random)
    {
        var copy = (byte[])source.Clone();
        for (var k = 0; k < 8; k++)
        {
            copy[random.Next(4, copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    [Theory]
    [InlineData(DocumentFileType.Pdf, "application/pdf", ".pdf")]
    [InlineData(DocumentFileType.Jpeg, "image/jpeg", ".jpg")]
    [InlineData(DocumentFileType.Png, "image/png", ".png")]
    [InlineData(DocumentFileType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")]
    [InlineData(DocumentFileType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")]
    public void ContentTypeAndExtension(DocumentFileType type, string mime, string extension)
    {
        Assert.Equal(mime, FileSignature.ContentType(type));
        Assert.Equal(extension, FileSignature.Extension(type));
    }

    private sealed class NonSeekable(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
