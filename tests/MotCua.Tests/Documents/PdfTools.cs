using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MotCua.Tests.Documents;

/// <summary>Reads rendered PDFs back: PDFsharp's object model, and poppler's pdftotext for text.</summary>
public static partial class PdfTools
{
    /// <summary>When set, tests also write their sample PDFs to this folder for a person to look at.</summary>
    public const string SamplesVariable = "MOTCUA_FORM_SAMPLES";

    public static PdfDocument Open(byte[] pdf) =>
        PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);

    /// <summary>
    /// Text of the whole document, or of one page (1-based), as <c>pdftotext -layout -enc UTF-8</c>
    /// extracts it. pdftotext comes from Debian's poppler-utils; a missing tool fails the test.
    /// </summary>
    public static string Text(byte[] pdf, int? page = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"motcua-form-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var arg in new[] { "-layout", "-enc", "UTF-8" })
                start.ArgumentList.Add(arg);
            if (page is { } p)
            {
                foreach (var arg in new[] { "-f", p.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", p.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                    start.ArgumentList.Add(arg);
            }
            start.ArgumentList.Add(file);
            start.ArgumentList.Add("-");

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start.");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail($"pdftotext is not installed (Debian package poppler-utils: apt-get install -y poppler-utils): {e.Message}");
                throw;
            }
            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                var text = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"pdftotext failed ({process.ExitCode}): {stderr.Result}");
                return text;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs of spaces and line breaks as one space: a wrapped title reads as one line.</summary>
    public static string Flatten(string text) => Spaces().Replace(text, " ");

    /// <summary>Number of image XObjects in the resources of a page.</summary>
    public static int ImageCount(PdfPage page)
    {
        var xobjects = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/XObject");
        if (xobjects is null)
            return 0;
        var count = 0;
        foreach (var key in xobjects.Elements.Keys)
        {
            var item = xobjects.Elements.GetReference(key)?.Value as PdfDictionary ?? xobjects.Elements.GetDictionary(key);
            if (item?.Elements.GetName("/Subtype") == "/Image")
                count++;
        }
        return count;
    }

    /// <summary>Writes a sample when <see cref="SamplesVariable"/> names a folder.</summary>
    public static void Keep(string name, byte[] pdf)
    {
        var folder = Environment.GetEnvironmentVariable(SamplesVariable);
        if (string.IsNullOrWhiteSpace(folder))
            return;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), pdf);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
