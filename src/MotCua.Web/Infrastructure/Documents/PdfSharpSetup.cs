using PdfSharp.Fonts;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// Process-wide PDFsharp settings, applied once before the first render. The font resolver is
/// global in PDFsharp, may be set only once per process, and renders can start on
/// several request threads at the same time, hence the lock.
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (_done)
                return;
            // Another part of the process may have installed a resolver first; PDFsharp forbids
            // replacing it, so the forms then rely on it to serve DejaVu Sans.
            GlobalFontSettings.FontResolver ??= new EmbeddedFontResolver();
            _done = true;
        }
    }
}
