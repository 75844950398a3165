using MotCua.Web.Infrastructure.Documents;
using PdfSharp.Pdf;

namespace MotCua.Tests.Documents;

public class FormPdfTests
{
    // A5 = 148 × 210 mm and A4 = 297 × 210 mm in points (Circular 01/2018/TT-VPCP art. 9).
    private const double A5Width = 419.53, A5Height = 595.28, A4Long = 841.89, A4Short = 595.28;

    [Fact]
    public void Form01_IsOneA5PortraitPage()
    {
        var bytes = FormPdf.Render(FormSamples.Form01());
        PdfTools.Keep("form01.pdf", bytes);

        using var pdf = PdfTools.Open(bytes);
        Assert.Equal(1, pdf.PageCount);
        Assert.Equal(A5Width, pdf.Pages[0].Width.Point, 0.5);
        Assert.Equal(A5Height, pdf.Pages[0].Height.Point, 0.5);
        Assert.Equal(FormSamples.Form01Title, pdf.Info.Title);
        Assert.Equal("MotCua", pdf.Info.Creator);
    }

    [Theory]
    [InlineData(PaperLayout.A5Portrait, A5Width, A5Height)]
    [InlineData(PaperLayout.A4Portrait, A4Short, A4Long)]
    [InlineData(PaperLayout.A4Landscape, A4Long, A4Short)]
    public void Layout_SetsThePaperSize(PaperLayout layout, double width, double height)
    {
        using var pdf = PdfTools.Open(FormPdf.Render(FormSamples.Form01() with { Layout = layout }));

        Assert.Equal(width, pdf.Pages[0].Width.Point, 0.5);
        Assert.Equal(height, pdf.Pages[0].Height.Point, 0.5);
    }

    [Fact]
    public void Form01_TextComesBackWithItsDiacritics()
    {
        var text = PdfTools.Text(FormPdf.Render(FormSamples.Form01()));
        var flat = PdfTools.Flatten(text);

        // The title wraps beside the QR code on A5, so it is looked for with line breaks flattened.
        Assert.Contains(FormSamples.Form01Title, flat, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains($"Mã hồ sơ: {FormSamples.DossierCode}", text, StringComparison.Ordinal);
        Assert.Contains(FormSamples.Applicant, text, StringComparison.Ordinal);
        Assert.Contains("Ông/Bà/Tổ chức: Nguyễn Thị Hồng Nhung", text, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 01", text, StringComparison.Ordinal);
        Assert.Contains("Số: 15/TN-TTPVHCC", text, StringComparison.Ordinal);
        Assert.Contains("Lạng Sơn, ngày 02 tháng 3 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("NGƯỜI TIẾP NHẬN HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Minh", text, StringComparison.Ordinal);
        // One page: no page numbers.
        Assert.DoesNotContain("Trang ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DossierCode_AddsTheQrImage_AndNullLeavesNone()
    {
        var withCode = FormPdf.Render(FormSamples.Form01());
        var withoutCode = FormPdf.Render(FormSamples.Form01(dossierCode: null));
        PdfTools.Keep("form01-no-code.pdf", withoutCode);

        using (var pdf = PdfTools.Open(withCode))
            Assert.Equal(1, PdfTools.ImageCount(pdf.Pages[0]));
        using (var pdf = PdfTools.Open(withoutCode))
            Assert.Equal(0, PdfTools.ImageCount(pdf.Pages[0]));
        Assert.DoesNotContain("Mã hồ sơ", PdfTools.Text(withoutCode), StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_AreEmbedded()
    {
        using var pdf = PdfTools.Open(FormPdf.Render(FormSamples.Form01()));
        var dictionaries = pdf.Internals.GetAllObjects().OfType<PdfDictionary>().ToList();

        var fonts = dictionaries.Where(d => d.Elements.GetName("/Type") == "/Font" && d.Elements.GetName("/Subtype") == "/Type0").ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("DejaVu Sans", f.Elements.GetName("/BaseFont"), StringComparison.Ordinal));
        Assert.Contains(dictionaries, d => d.Elements.GetName("/Type") == "/FontDescriptor" && d.Elements.ContainsKey("/FontFile2"));
    }

    [Fact]
    public void Register_RunsOverSeveralA4LandscapePages()
    {
        var bytes = FormPdf.Render(FormSamples.Form07());
        PdfTools.Keep("form07.pdf", bytes);

        using var pdf = PdfTools.Open(bytes);
        Assert.InRange(pdf.PageCount, 3, 20);
        foreach (var page in pdf.Pages)
        {
            Assert.Equal(A4Long, page.Width.Point, 0.5);
            Assert.Equal(A4Short, page.Height.Point, 0.5);
        }

        var count = pdf.PageCount;
        Assert.Contains($"Trang 2/{count}", PdfTools.Text(bytes, page: 2), StringComparison.Ordinal);

        var last = PdfTools.Text(bytes, page: count);
        Assert.Contains($"Trang {count}/{count}", last, StringComparison.Ordinal);
        // The last rows are on the last page, under a repeated header.
        foreach (var row in new[] { 118, 119, 120 })
        {
            Assert.Contains(FormSamples.RegisterCode(row), last, StringComparison.Ordinal);
            Assert.Contains(FormSamples.RegisterName(row), last, StringComparison.Ordinal);
        }
        Assert.Contains("Đăng ký khai sinh kết hợp", last, StringComparison.Ordinal);
        Assert.Contains("STT", last, StringComparison.Ordinal);
        Assert.Contains("Vi Thị Thu Hà", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_KeepsEveryRowOnce()
    {
        var text = PdfTools.Text(FormPdf.Render(FormSamples.Form07()));

        for (var row = 1; row <= 120; row++)
        {
            var code = FormSamples.RegisterCode(row);
            Assert.True(text.Split(code).Length == 2, $"{code} should appear exactly once.");
        }
        Assert.Contains(FormSamples.Form07Title, text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongFieldsAndParagraphs_BreakOntoNumberedPages()
    {
        var blocks = Enumerable.Range(1, 60)
            .Select(i => (FormBlock)new FieldBlock($"Thành phần {i}", "Giấy tờ chứng minh nơi cư trú hợp pháp của người yêu cầu đăng ký, bản sao có chứng thực"))
            .ToList();
        var bytes = FormPdf.Render(FormSamples.Form01() with { Blocks = blocks });
        PdfTools.Keep("form01-long.pdf", bytes);

        using var pdf = PdfTools.Open(bytes);
        Assert.True(pdf.PageCount > 1, "Sixty wrapped fields cannot fit on one A5 page.");
        var text = PdfTools.Text(bytes);
        Assert.Contains("Trang 2/", text, StringComparison.Ordinal);
        Assert.Contains("Thành phần 60:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsDeterministicAndSafeAcrossThreads()
    {
        var results = new byte[4][];
        Parallel.For(0, results.Length, i => results[i] = FormPdf.Render(FormSamples.Form07(rows: 40)));

        var texts = results.Select(r => PdfTools.Text(r)).ToList();
        Assert.All(texts, t => Assert.Equal(texts[0], t));
    }

    [Fact]
    public void Table_RejectsARowWiderThanItsHeader()
    {
        var form = FormSamples.Form01() with { Blocks = [new TableBlock(["A", "B"], [["1", "2", "3"]])] };

        Assert.Throws<ArgumentException>(() => FormPdf.Render(form));
    }
}
