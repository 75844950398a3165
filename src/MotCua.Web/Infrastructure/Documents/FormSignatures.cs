namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// Signature boxes side by side at the end of a form: title in bold, note in italics, room to
/// sign, printed name. A single box goes to the right half, where the signer's block sits on
/// administrative documents (Decree 30/2020/ND-CP Annex I).
/// </summary>
internal static class FormSignatures
{
    public static void Draw(FormCanvas canvas, IReadOnlyList<SignatureBox> boxes)
    {
        if (boxes.Count == 0)
            return;
        var fonts = canvas.Fonts;
        var slots = Math.Max(boxes.Count, 2);
        var width = canvas.Width / slots;
        var first = slots - boxes.Count;
        var pad = canvas.Style.BodySize * 0.3;

        // Measure first so the whole row moves to a new page together.
        var height = boxes.Max(b => Height(canvas, b, width - 2 * pad));
        canvas.Y += canvas.Style.BodySize * 0.6;
        canvas.EnsureSpace(height);

        var top = canvas.Y;
        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            var x = canvas.Left + (first + i) * width + pad;
            var y = canvas.DrawCenteredLines(box.Title, fonts.BodyBold, x, width - 2 * pad, top);
            if (!string.IsNullOrWhiteSpace(box.Note))
                y = canvas.DrawCenteredLines(box.Note, fonts.SmallItalic, x, width - 2 * pad, y);
            if (!string.IsNullOrWhiteSpace(box.Name))
                canvas.DrawCenteredLines(box.Name, fonts.BodyBold, x, width - 2 * pad, y + canvas.Style.SignatureSpace);
        }
        canvas.Y = top + height;
    }

    private static double Height(FormCanvas canvas, SignatureBox box, double width)
    {
        var fonts = canvas.Fonts;
        var height = TextWrap.Balanced(canvas, box.Title, fonts.BodyBold, width).Count * FormCanvas.LineHeight(fonts.BodyBold);
        if (!string.IsNullOrWhiteSpace(box.Note))
            height += TextWrap.Balanced(canvas, box.Note, fonts.SmallItalic, width).Count * FormCanvas.LineHeight(fonts.SmallItalic);
        height += canvas.Style.SignatureSpace;
        if (!string.IsNullOrWhiteSpace(box.Name))
            height += TextWrap.Balanced(canvas, box.Name, fonts.BodyBold, width).Count * FormCanvas.LineHeight(fonts.BodyBold);
        return height;
    }
}
