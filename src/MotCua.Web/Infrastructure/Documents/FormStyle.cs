using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// Page geometry and type sizes for one paper layout. Everything is in points (1/72 in).
/// </summary>
internal sealed record FormStyle(
    double PageWidth,
    double PageHeight,
    double MarginLeft,
    double MarginTop,
    double MarginRight,
    double MarginBottom,
    double BodySize,
    double HeaderSize,
    double TitleSize,
    double SmallSize,
    double TableSize,
    double QrSize,
    double SignatureSpace)
{
    private static double Mm(double millimetres) => millimetres * 72 / 25.4;

    public double ContentLeft => MarginLeft;
    public double ContentRight => PageWidth - MarginRight;
    public double ContentWidth => ContentRight - ContentLeft;
    public double ContentTop => MarginTop;
    public double ContentBottom => PageHeight - MarginBottom;

    public static FormStyle For(PaperLayout layout) => layout switch
    {
        // A5 (148 × 210 mm): Circular 01/2018/TT-VPCP art. 9 prints the slips on A5. Decree
        // 30/2020/ND-CP's A4 margins (left 30–35 mm) would take a fifth of the width here, so the
        // margins are smaller but keep the wider binding edge on the left.
        PaperLayout.A5Portrait => new(Mm(148), Mm(210), Mm(15), Mm(10), Mm(10), Mm(12),
            BodySize: 8.5, HeaderSize: 7.5, TitleSize: 10, SmallSize: 7, TableSize: 7, QrSize: 60, SignatureSpace: 42),
        // A4 portrait: Decree 30/2020/ND-CP Annex I margins (top/bottom 20, left 30, right 15 mm).
        PaperLayout.A4Portrait => new(Mm(210), Mm(297), Mm(30), Mm(20), Mm(15), Mm(20),
            BodySize: 10.5, HeaderSize: 9.5, TitleSize: 12, SmallSize: 8, TableSize: 8.5, QrSize: 64, SignatureSpace: 56),
        // A4 landscape for the dossier register (Form 07, Circular 03/2025/TT-VPCP Annex I): its
        // eleven columns need the width, so the margins are even and narrow.
        PaperLayout.A4Landscape => new(Mm(297), Mm(210), Mm(15), Mm(12), Mm(12), Mm(14),
            BodySize: 9.5, HeaderSize: 8.5, TitleSize: 12, SmallSize: 7.5, TableSize: 7.5, QrSize: 60, SignatureSpace: 50),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown paper layout."),
    };
}

/// <summary>The fonts of one form: one family (DejaVu Sans), embedded, Unicode-encoded.</summary>
internal sealed class FormFonts
{
    // Unicode encoding writes glyph ids with a ToUnicode map, so Vietnamese letters (ộ, ự, ễ …)
    // both render and come back out of text extraction and search; WinAnsi cannot encode them.
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode);

    public FormFonts(FormStyle style)
    {
        Body = Make(style.BodySize, XFontStyleEx.Regular);
        BodyBold = Make(style.BodySize, XFontStyleEx.Bold);
        BodyItalic = Make(style.BodySize, XFontStyleEx.Italic);
        Header = Make(style.HeaderSize, XFontStyleEx.Regular);
        HeaderBold = Make(style.HeaderSize, XFontStyleEx.Bold);
        HeaderItalic = Make(style.HeaderSize, XFontStyleEx.Italic);
        Title = Make(style.TitleSize, XFontStyleEx.Bold);
        Small = Make(style.SmallSize, XFontStyleEx.Regular);
        SmallItalic = Make(style.SmallSize, XFontStyleEx.Italic);
        Table = Make(style.TableSize, XFontStyleEx.Regular);
        TableBold = Make(style.TableSize, XFontStyleEx.Bold);
    }

    public XFont Body { get; }
    public XFont BodyBold { get; }
    public XFont BodyItalic { get; }
    public XFont Header { get; }
    public XFont HeaderBold { get; }
    public XFont HeaderItalic { get; }
    public XFont Title { get; }
    public XFont Small { get; }
    public XFont SmallItalic { get; }
    public XFont Table { get; }
    public XFont TableBold { get; }

    public XFont Paragraph(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => Make(Body.Size, XFontStyleEx.BoldItalic),
        (true, false) => BodyBold,
        (false, true) => BodyItalic,
        _ => Body,
    };

    private static XFont Make(double size, XFontStyleEx style) =>
        new(EmbeddedFontResolver.FamilyName, size, style, Options);
}
