using PdfSharp.Drawing;
using QRCoder;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// QR code of a dossier code, so the counter and the applicant's phone can look the dossier up
/// without typing it. The payload is exactly the code, nothing around it.
/// </summary>
internal static class QrImage
{
    // Pixels per module: the PDF scales the image, so this only has to keep edges crisp in viewers
    // that smooth images.
    private const int PixelsPerModule = 8;

    public static XImage Create(string code)
    {
        // Level M survives a worn or stamped-over corner (15 %) and keeps a 25-character code at
        // version 2 (25 × 25 modules): about 0.7 mm a module at 60 pt on A5, easy for a phone.
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        // BMP, not PNG: PDFsharp's importer rejects the 1-bit palette PNG that QRCoder writes.
        // The image includes the 4-module white quiet zone that scanners need (ISO/IEC 18004).
        var bmp = new BitmapByteQRCode(data).GetGraphic(PixelsPerModule);
        return XImage.FromStream(new MemoryStream(bmp, writable: false));
    }
}
