using System.Text;
using PdfSharp.Drawing;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// Greedy word wrap on measured widths. Explicit line breaks are kept; a word wider than the
/// line (a long code or e-mail address) is cut between characters rather than overflowing.
/// </summary>
internal static class TextWrap
{
    public static List<string> Wrap(FormCanvas canvas, string text, XFont font, double width) =>
        Wrap(canvas, text, font, width, width);

    /// <param name="firstWidth">Width of the first line (after a label); later lines get <paramref name="width"/>.</param>
    public static List<string> Wrap(FormCanvas canvas, string text, XFont font, double firstWidth, double width)
    {
        var lines = new List<string>();
        // Composed form: PDFsharp places glyphs one by one without shaping, so a decomposed
        // "e" + U+0302 would stack the mark badly; NFC gives the precomposed "ê".
        var normalized = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n");
        foreach (var paragraph in normalized.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var limit = lines.Count == 0 ? firstWidth : width;
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (canvas.Measure(candidate, font) <= limit)
                {
                    line.Clear().Append(candidate);
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    limit = width;
                }
                var rest = word;
                while (canvas.Measure(rest, font) > limit)
                {
                    var cut = FittingPrefix(canvas, rest, font, limit);
                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                    limit = width;
                }
                line.Append(rest);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>
    /// Wraps into as many lines as <see cref="Wrap(FormCanvas, string, XFont, double)"/> needs, but
    /// as even as possible: a centred title reads "GIẤY TIẾP NHẬN HỒ SƠ / VÀ HẸN TRẢ KẾT QUẢ" rather
    /// than leaving one word alone on its last line.
    /// </summary>
    public static List<string> Balanced(FormCanvas canvas, string text, XFont font, double width)
    {
        var lines = Wrap(canvas, text, font, width);
        if (lines.Count < 2)
            return lines;
        // The narrowest width that still gives the same number of lines, to within half a point.
        double low = width / lines.Count, high = width;
        var best = lines;
        while (high - low > 0.5)
        {
            var mid = (low + high) / 2;
            var attempt = Wrap(canvas, text, font, mid);
            if (attempt.Count <= lines.Count)
            {
                best = attempt;
                high = mid;
            }
            else
            {
                low = mid;
            }
        }
        return best;
    }

    private static int FittingPrefix(FormCanvas canvas, string word, XFont font, double limit)
    {
        var cut = 1;
        while (cut < word.Length && canvas.Measure(word[..(cut + 1)], font) <= limit)
            cut++;
        // Prefer to cut a code after one of its separators ("000.00.12.H35-" / "260302-0015").
        var separator = word.AsSpan(0, cut).LastIndexOfAny("-/._,");
        if (separator >= cut / 2 && separator < cut - 1)
            cut = separator + 1;
        // Never split a letter from its combining diacritic (decomposed input such as "e\u0302").
        while (cut < word.Length - 1 && char.GetUnicodeCategory(word[cut]) == System.Globalization.UnicodeCategory.NonSpacingMark)
            cut++;
        return cut;
    }
}
