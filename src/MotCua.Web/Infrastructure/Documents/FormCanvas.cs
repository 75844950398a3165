using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// The pages of one form and a cursor running down them: blocks ask for vertical space and get a
/// new page when the current one is full. Page numbers are added at the end, once the total is known.
/// </summary>
internal sealed class FormCanvas : IDisposable
{
    private readonly PdfDocument _document;
    private readonly List<PdfPage> _pages = [];
    private XGraphics? _graphics;

    public FormCanvas(PdfDocument _document, FormStyle style)
    {
        this._document = _document;
        Style = style;
        Fonts = new FormFonts(style);
        NewPage();
    }

    public FormStyle Style { get; }
    public FormFonts Fonts { get; }

    /// <summary>Top of the free space on the current page.</summary>
    public double Y { get; set; }

    public double Left => Style.ContentLeft;
    public double Width => Style.ContentWidth;
    public double Bottom => Style.ContentBottom;
    public double Remaining => Bottom - Y;
    public double PageContentHeight => Bottom - Style.ContentTop;

    /// <summary>True while nothing has been drawn below the top margin of the current page.</summary>
    public bool AtPageTop => Y <= Style.ContentTop + 0.01;

    public XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(FormCanvas));

    public int PageCount => _pages.Count;

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(Style.PageWidth);
        page.Height = XUnit.FromPoint(Style.PageHeight);
        _pages.Add(page);
        _graphics = XGraphics.FromPdfPage(page);
        Y = Style.ContentTop;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is still empty).</summary>
    public void EnsureSpace(double height)
    {
        if (height > Remaining && !AtPageTop)
            NewPage();
    }

    public static double LineHeight(XFont font) => font.GetHeight();

    public double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    public void DrawLeft(string text, XFont font, double x, double top) =>
        Draw(text, font, new XRect(x, top, 0, LineHeight(font)), XStringFormats.TopLeft);

    public void DrawCentered(string text, XFont font, double x, double width, double top) =>
        Draw(text, font, new XRect(x, top, width, LineHeight(font)), XStringFormats.TopCenter);

    public void DrawRight(string text, XFont font, double right, double top) =>
        Draw(text, font, new XRect(right, top, 0, LineHeight(font)), XStringFormats.TopRight);

    private void Draw(string text, XFont font, XRect rect, XStringFormat format)
    {
        if (text.Length > 0)
            Graphics.DrawString(text, font, XBrushes.Black, rect, format);
    }

    /// <summary>Wraps evenly and draws centred lines in a column; returns the y below the last line.</summary>
    public double DrawCenteredLines(string text, XFont font, double x, double width, double top)
    {
        foreach (var line in TextWrap.Balanced(this, text, font, width))
        {
            DrawCentered(line, font, x, width, top);
            top += LineHeight(font);
        }
        return top;
    }

    public void Rule(double x1, double y, double x2, double thickness = 0.6) =>
        Graphics.DrawLine(new XPen(XColors.Black, thickness), x1, y, x2, y);

    /// <summary>"Trang x/y" at the foot of every page, only when the form runs over more than one.</summary>
    public void Finish()
    {
        _graphics?.Dispose();
        _graphics = null;
        if (_pages.Count < 2)
            return;
        for (var i = 0; i < _pages.Count; i++)
        {
            using var g = XGraphics.FromPdfPage(_pages[i], XGraphicsPdfPageOptions.Append);
            var font = Fonts.SmallItalic;
            var top = Style.PageHeight - Style.MarginBottom / 2 - LineHeight(font) / 2;
            g.DrawString($"Trang {i + 1}/{_pages.Count}", font, XBrushes.Black,
                new XRect(Style.ContentLeft, top, Style.ContentWidth, LineHeight(font)), XStringFormats.TopCenter);
        }
    }

    public void Dispose() => _graphics?.Dispose();
}
