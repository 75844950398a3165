using System.Text;
using MotCua.Core.Dossiers;
using MotCua.Web.Infrastructure.Documents;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Judges an upload by more than its first bytes (OWASP ASVS 5.0 5.2.2, 5.2.3): HTML, script or
/// markup near the start is refused whatever the magic bytes say (a "%PDF-" prefix on an HTML
/// page or an executable); a PDF must parse as a whole with PDFsharp — header, cross-reference
/// table or stream, trailer and objects — and may not carry JavaScript or launch actions;
/// DOCX/XLSX packages pass <see cref="OfficePackage"/> (entry count, inflated size, macros).
/// PDFsharp's parser is used rather than a hand-written structural check because a check of
/// header, "xref" and "%%EOF" is satisfied by any text that contains those words.
/// </summary>
public static class InspectUpload
{
    /// <summary>Bytes at the start searched for markup that a browser or shell would run.</summary>
    private const int SniffBytes = 1024;

    private static readonly string[] ActiveMarkers =
        ["<html", "<!doctype", "<script", "<body", "<iframe", "<svg", "<?php", "<%@", "<?xml-stylesheet", "#!/"];

    public static readonly UploadRejection UnknownType =
        new("unknown-type", "Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX; nội dung tệp không đúng định dạng.");

    /// <summary>The detected type, or why the content is refused.</summary>
    public static (DocumentFileType? Type, UploadRejection? Rejection) Inspect(MemoryStream content, PackageLimits limits)
    {
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        if (LooksActive(bytes))
            return (null, new UploadRejection("active-content", "Tệp chứa mã HTML/kịch bản, không phải tài liệu; không được nhận."));
        if (bytes.StartsWith("PK\x03\x04"u8) && OfficePackage.Inspect(content, limits) is { } packageProblem)
            return (null, packageProblem);
        if (FileSignature.Detect(content) is not { } type)
            return (null, UnknownType);
        if (type == DocumentFileType.Pdf && InspectPdf(content) is { } pdfProblem)
            return (null, pdfProblem);
        return (type, null);
    }

    private static bool LooksActive(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        return head.StartsWith("MZ", StringComparison.Ordinal) || head.StartsWith("\u007fELF", StringComparison.Ordinal)
            || ActiveMarkers.Any(m => head.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    private static UploadRejection? InspectPdf(MemoryStream content)
    {
        PdfSharpSetup.EnsureInitialized();
        var position = content.Position;
        try
        {
            content.Position = 0;
            using var document = PdfReader.Open(content, PdfDocumentOpenMode.Import);
            if (document.PageCount < 1)
                return UnreadablePdf;
            foreach (var item in document.Internals.GetAllObjects())
            {
                if (IsActive(item))
                    return new UploadRejection("pdf-active-content", "Tệp PDF chứa mã JavaScript hoặc lệnh chạy chương trình; vui lòng xuất lại tệp PDF thông thường.");
            }
            return null;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return UnreadablePdf;
        }
        finally
        {
            content.Position = position;
        }
    }

    // ISO 32000-1 §12.6.4: JavaScript actions (/S /JavaScript with /JS) and launch actions
    // (/S /Launch) run code when the document is opened or clicked; names-tree entries /JavaScript too.
    // Indirect objects are all visited by the caller; direct ones nested inside are walked here
    // (they cannot form cycles), depth-limited against pathological nesting.
    private static bool IsActive(PdfItem item, int depth = 0) => depth < 64 && item switch
    {
        PdfDictionary d => d.Elements.ContainsKey("/JS") || d.Elements.ContainsKey("/JavaScript")
            || d.Elements.GetName("/S") is "/JavaScript" or "/Launch"
            || d.Elements.Values.Any(v => v is not null && IsActive(v, depth + 1)),
        PdfArray a => a.Elements.Any(v => v is not null && IsActive(v, depth + 1)),
        _ => false,
    };

    private static readonly UploadRejection UnreadablePdf =
        new("pdf-unreadable", "Tệp PDF bị hỏng, có mật khẩu hoặc không đọc được; vui lòng xuất lại tệp PDF.");
}
