using PdfSharp.Drawing;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// A ruled table such as the dossier register (Form 07, Circular 03/2025/TT-VPCP Annex I): bold
/// header row, wrapped cells, rows continued on new pages under a repeated header. A row is moved
/// whole to the next page; only a row taller than a page is split between pages.
/// </summary>
internal static class FormTable
{
    private const double GridThickness = 0.5;

    public static void Draw(FormCanvas canvas, TableBlock table)
    {
        var columns = table.Headers.Count;
        if (columns == 0)
            return;
        var widths = Widths(canvas.Width, table);
        var fonts = canvas.Fonts;
        var pad = canvas.Style.TableSize * 0.4;
        var lineHeight = FormCanvas.LineHeight(fonts.Table);

        var header = Cells(canvas, table.Headers, fonts.TableBold, widths, pad);
        var headerHeight = Height(header, 0, lineHeight, pad);
        var rows = new List<List<List<string>>>(table.Rows.Count);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Count > columns)
                throw new ArgumentException($"Row {r + 1} has {table.Rows[r].Count} cells for {columns} columns.", nameof(table));
            var cells = Enumerable.Range(0, columns).Select(c => c < table.Rows[r].Count ? table.Rows[r][c] : "").ToList();
            rows.Add(Cells(canvas, cells, fonts.Table, widths, pad));
        }

        // Do not leave the header alone at the foot of a page.
        var firstRow = rows.Count > 0 ? Height(rows[0], 0, lineHeight, pad) : 0;
        canvas.EnsureSpace(headerHeight + firstRow);
        DrawFragment(canvas, header, 0, header.Max(c => c.Count), widths, fonts.TableBold, centered: true, pad);
        var rowsOnPage = 0;

        foreach (var row in rows)
        {
            var offset = 0;
            while (true)
            {
                var needed = Height(row, offset, lineHeight, pad);
                if (needed <= canvas.Remaining)
                {
                    DrawFragment(canvas, row, offset, row.Max(c => c.Count) - offset, widths, fonts.Table, centered: false, pad);
                    rowsOnPage++;
                    break;
                }
                if (rowsOnPage == 0)
                {
                    // Taller than what a page holds under the header: split it.
                    var fit = Math.Max(1, (int)Math.Floor((canvas.Remaining - 2 * pad) / lineHeight));
                    DrawFragment(canvas, row, offset, fit, widths, fonts.Table, centered: false, pad);
                    offset += fit;
                }
                canvas.NewPage();
                DrawFragment(canvas, header, 0, header.Max(c => c.Count), widths, fonts.TableBold, centered: true, pad);
                rowsOnPage = 0;
            }
        }
        canvas.Y += canvas.Style.BodySize * 0.6;
    }

    private static double[] Widths(double total, TableBlock table)
    {
        var columns = table.Headers.Count;
        var relative = table.RelativeWidths;
        if (relative is null)
            return Enumerable.Repeat(total / columns, columns).ToArray();
        if (relative.Count != columns || relative.Any(w => !(w > 0) || double.IsInfinity(w)))
            throw new ArgumentException("RelativeWidths needs one positive width per header.", nameof(table));
        var sum = relative.Sum();
        return relative.Select(w => total * w / sum).ToArray();
    }

    private static List<List<string>> Cells(FormCanvas canvas, IReadOnlyList<string> texts, XFont font, double[] widths, double pad) =>
        texts.Select((text, c) => TextWrap.Wrap(canvas, text, font, Math.Max(widths[c] - 2 * pad, 1))).ToList();

    private static double Height(List<List<string>> cells, int offset, double lineHeight, double pad) =>
        Math.Max(1, cells.Max(c => c.Count) - offset) * lineHeight + 2 * pad;

    private static void DrawFragment(FormCanvas canvas, List<List<string>> cells, int offset, int lines,
        double[] widths, XFont font, bool centered, double pad)
    {
        var lineHeight = FormCanvas.LineHeight(font);
        var height = Math.Max(1, lines) * lineHeight + 2 * pad;
        var pen = new XPen(XColors.Black, GridThickness);
        var x = canvas.Left;
        for (var c = 0; c < cells.Count; c++)
        {
            canvas.Graphics.DrawRectangle(pen, x, canvas.Y, widths[c], height);
            var top = canvas.Y + pad;
            foreach (var line in cells[c].Skip(offset).Take(lines))
            {
                if (centered)
                    canvas.DrawCentered(line, font, x + pad, widths[c] - 2 * pad, top);
                else
                    canvas.DrawLeft(line, font, x + pad, top);
                top += lineHeight;
            }
            x += widths[c];
        }
        canvas.Y += height;
    }
}
