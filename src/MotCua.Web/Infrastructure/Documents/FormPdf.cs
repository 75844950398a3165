using PdfSharp.Pdf;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// Renders the official one-stop forms (Circular 03/2025/TT-VPCP Annex I) to PDF: A5 slips, the
/// A4 landscape register. The layout depends only on the document, so the same form always
/// breaks its pages in the same places.
/// </summary>
public static class FormPdf
{
    public static byte[] Render(FormDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfSharpSetup.EnsureInitialized();

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = $"Mẫu số {document.FormNumber}";
        pdf.Info.Creator = "MotCua";
        pdf.Options.CompressContentStreams = true;

        using (var canvas = new FormCanvas(pdf, FormStyle.For(document.Layout)))
        {
            FormHeader.Draw(canvas, document);
            foreach (var block in document.Blocks)
                FormBody.Draw(canvas, block);
            FormSignatures.Draw(canvas, document.Signatures);
            canvas.Finish();
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }
}
