using PdfSharp.Drawing;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// The header block common to all forms (Circular 03/2025/TT-VPCP Annex I, laid out as Decree
/// 30/2020/ND-CP Annex I sets out administrative documents): form number at the top right; on the
/// left the parent agency over the unit (bold, short rule below) and the "Số:" line; on the right
/// the national motto, its second line underlined over its full length, and the place and date in
/// italics level with "Số:". Then the centred bold title, with the dossier code and its QR code.
/// </summary>
internal static class FormHeader
{
    public const string Motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string MottoSubtitle = "Độc lập - Tự do - Hạnh phúc";

    // Share of the content width taken by the agency column; the motto gets the rest.
    private const double LeftShare = 0.44;

    public static void Draw(FormCanvas canvas, FormDocument form)
    {
        var fonts = canvas.Fonts;
        var top = canvas.Y;
        canvas.DrawRight($"Mẫu số {form.FormNumber}", fonts.SmallItalic, canvas.Style.ContentRight, top);
        top += FormCanvas.LineHeight(fonts.SmallItalic);

        var leftWidth = canvas.Width * LeftShare;
        var rightX = canvas.Left + leftWidth;
        var rightWidth = canvas.Width - leftWidth;
        var gap = canvas.Style.HeaderSize * 0.35;

        // Left column: parent agency, unit, then a rule a third as long as the unit's name.
        var leftY = canvas.DrawCenteredLines(form.ParentAgency, fonts.Header, canvas.Left, leftWidth, top);
        var unitLines = TextWrap.Balanced(canvas, form.Unit, fonts.HeaderBold, leftWidth);
        leftY = canvas.DrawCenteredLines(form.Unit, fonts.HeaderBold, canvas.Left, leftWidth, leftY);
        var unitWidth = unitLines.Max(l => canvas.Measure(l, fonts.HeaderBold));
        var centre = canvas.Left + leftWidth / 2;
        canvas.Rule(centre - unitWidth / 6, leftY + gap, centre + unitWidth / 6);
        leftY += gap;

        // Right column: the motto; the subtitle underlined exactly under its own text.
        var rightY = canvas.DrawCenteredLines(Motto, fonts.HeaderBold, rightX, rightWidth, top);
        var subtitleFont = fonts.HeaderBold;
        canvas.DrawCentered(MottoSubtitle, subtitleFont, rightX, rightWidth, rightY);
        rightY += FormCanvas.LineHeight(subtitleFont);
        var subtitleWidth = canvas.Measure(MottoSubtitle, subtitleFont);
        var rightCentre = rightX + rightWidth / 2;
        canvas.Rule(rightCentre - subtitleWidth / 2, rightY + gap * 0.6, rightCentre + subtitleWidth / 2);
        rightY += gap;

        // "Số:" and the place and date share a row below both columns.
        var row = Math.Max(leftY, rightY) + gap * 2;
        var numberBottom = row;
        if (!string.IsNullOrWhiteSpace(form.DocumentNumber))
            numberBottom = canvas.DrawCenteredLines(form.DocumentNumber, fonts.Header, canvas.Left, leftWidth, row);
        var dateBottom = canvas.DrawCenteredLines(form.PlaceAndDate, fonts.HeaderItalic, rightX, rightWidth, row);

        canvas.Y = Math.Max(numberBottom, dateBottom) + canvas.Style.BodySize;
        DrawTitle(canvas, form);
    }

    /// <summary>
    /// Title centred on the page. With a dossier code the QR code sits at the right of the title
    /// band and the title is kept out of an equal margin on both sides, so it stays centred and
    /// never runs under the code.
    /// </summary>
    private static void DrawTitle(FormCanvas canvas, FormDocument form)
    {
        var fonts = canvas.Fonts;
        var top = canvas.Y;
        var hasCode = !string.IsNullOrWhiteSpace(form.DossierCode);
        var qr = canvas.Style.QrSize;
        var inset = hasCode ? qr : 0;
        var x = canvas.Left + inset;
        var width = canvas.Width - 2 * inset;

        var y = canvas.DrawCenteredLines(form.Title, fonts.Title, x, width, top);
        if (hasCode)
        {
            y += canvas.Style.BodySize * 0.3;
            y = canvas.DrawCenteredLines($"Mã hồ sơ: {form.DossierCode}", fonts.Body, x, width, y);
            using var image = QrImage.Create(form.DossierCode!);
            canvas.Graphics.DrawImage(image, canvas.Style.ContentRight - qr, top, qr, qr);
            y = Math.Max(y, top + qr);
        }
        canvas.Y = y + canvas.Style.BodySize;
    }
}
