namespace MotCua.Web.Infrastructure.Documents;

/// <summary>Paragraphs and "Label: value" fields of a form's body.</summary>
internal static class FormBody
{
    // A label wider than this share of the line hands its value a hanging indent instead, so a
    // long label does not squeeze the value into a sliver at the right.
    private const double MaxLabelShare = 0.45;

    public static void Draw(FormCanvas canvas, FormBlock block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                DrawParagraph(canvas, paragraph);
                break;
            case FieldBlock field:
                DrawField(canvas, field);
                break;
            case TableBlock table:
                FormTable.Draw(canvas, table);
                break;
            default:
                throw new ArgumentException($"Unknown form block {block.GetType().Name}.", nameof(block));
        }
    }

    private static void DrawParagraph(FormCanvas canvas, ParagraphBlock paragraph)
    {
        var font = canvas.Fonts.Paragraph(paragraph.Bold, paragraph.Italic);
        var height = FormCanvas.LineHeight(font);
        var lines = TextWrap.Wrap(canvas, paragraph.Text, font, canvas.Width);
        // A short paragraph (three lines or fewer) moves to the next page whole.
        if (lines.Count <= 3)
            canvas.EnsureSpace(height * lines.Count);
        foreach (var line in lines)
        {
            canvas.EnsureSpace(height);
            if (paragraph.Centered)
                canvas.DrawCentered(line, font, canvas.Left, canvas.Width, canvas.Y);
            else
                canvas.DrawLeft(line, font, canvas.Left, canvas.Y);
            canvas.Y += height;
        }
        canvas.Y += Spacing(canvas);
    }

    private static void DrawField(FormCanvas canvas, FieldBlock field)
    {
        var fonts = canvas.Fonts;
        var height = FormCanvas.LineHeight(fonts.Body);
        var labelLines = TextWrap.Wrap(canvas, $"{field.Label.Trim()}:", fonts.Body, canvas.Width);
        var labelWidth = canvas.Measure(labelLines[^1] + " ", fonts.Body);
        // The value continues on the label's last line and its later lines align under the
        // value's start; after a long label they hang by a small indent instead.
        var hanging = canvas.Style.BodySize * 1.5;
        var indent = labelLines.Count == 1 && labelWidth <= canvas.Width * MaxLabelShare ? labelWidth : hanging;
        // With almost no room left on the label's line the value starts on the next one.
        var valueOnNextLine = canvas.Width - labelWidth < canvas.Width * 0.2;
        var firstX = valueOnNextLine ? indent : labelWidth;
        var valueLines = TextWrap.Wrap(canvas, field.Value, fonts.BodyBold, canvas.Width - firstX, canvas.Width - indent);

        // A field is not split across pages unless it is longer than a page; then at least the
        // label stays with the first line of its value.
        var lines = labelLines.Count - 1 + (valueOnNextLine ? 1 : 0) + valueLines.Count;
        var whole = height * lines;
        canvas.EnsureSpace(whole <= canvas.PageContentHeight ? whole : height * (labelLines.Count + (valueOnNextLine ? 1 : 0)));
        for (var i = 0; i < labelLines.Count; i++)
        {
            if (i > 0)
            {
                canvas.Y += height;
                canvas.EnsureSpace(height);
            }
            canvas.DrawLeft(labelLines[i], fonts.Body, canvas.Left, canvas.Y);
        }
        if (valueOnNextLine)
            canvas.Y += height;
        for (var i = 0; i < valueLines.Count; i++)
        {
            if (i > 0)
            {
                canvas.Y += height;
                canvas.EnsureSpace(height);
            }
            canvas.DrawLeft(valueLines[i], fonts.BodyBold, canvas.Left + (i == 0 ? firstX : indent), canvas.Y);
        }
        canvas.Y += height + Spacing(canvas);
    }

    public static double Spacing(FormCanvas canvas) => canvas.Style.BodySize * 0.25;
}
