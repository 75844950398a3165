using System.IO.Compression;

namespace MotCua.Core.Dossiers;

/// <summary>The document types a dossier accepts (PDF, JPEG, PNG, DOCX, XLSX).</summary>
public enum DocumentFileType
{
    Pdf,
    Jpeg,
    Png,
    Docx,
    Xlsx,
}

/// <summary>
/// Recognises an uploaded file from its content, never from its name or the browser's MIME
/// type: both are chosen by the sender, so an executable renamed .pdf must not pass.
/// </summary>
public static class FileSignature
{
    /// <summary>Bytes <see cref="Detect(ReadOnlySpan{byte})"/> needs at most.</summary>
    public const int HeadLength = 8;

    // ISO 32000-1 §7.5.2: a PDF starts with the header "%PDF-".
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    // ISO/IEC 10918-1: SOI marker FF D8 followed by the next marker's FF.
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    // PNG (ISO/IEC 15948) §5.2 signature.
    private static ReadOnlySpan<byte> PngMagic => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // ZIP local file header "PK\x03\x04"; OOXML (ISO/IEC 29500-2) packages are ZIP files.
    private static ReadOnlySpan<byte> ZipMagic => [(byte)'P', (byte)'K', 0x03, 0x04];

    /// <summary>
    /// PDF, JPEG or PNG from the first bytes. A ZIP returns null: telling DOCX from XLSX from any
    /// other archive needs the central directory, see <see cref="Detect(Stream)"/>.
    /// </summary>
    public static DocumentFileType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return DocumentFileType.Pdf;
        }

        if (head.StartsWith(JpegMagic))
        {
            return DocumentFileType.Jpeg;
        }

        if (head.StartsWith(PngMagic))
        {
            return DocumentFileType.Png;
        }

        return null;
    }

    /// <summary>
    /// The type of the whole content of a seekable stream (read from its start). A ZIP is a DOCX
    /// when it has [Content_Types].xml and word/document.xml, an XLSX with xl/workbook.xml;
    /// anything else, including macro-enabled documents (DOCM/XLSM renamed) and broken archives,
    /// is null. Only the central directory is read, nothing is decompressed. The stream position
    /// is restored.
    /// </summary>
    /// <exception cref="ArgumentException">The stream cannot seek or read.</exception>
    public static DocumentFileType? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("File detection needs a readable, seekable stream.", nameof(content));
        }

        var position = content.Position;
        try
        {
            content.Position = 0;
            Span<byte> head = stackalloc byte[HeadLength];
            var read = content.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
            head = head[..read];
            if (Detect(head) is { } simple)
            {
                return simple;
            }

            return head.StartsWith(ZipMagic) ? DetectPackage(content) : null;
        }
        finally
        {
            content.Position = position;
        }
    }

    /// <summary>MIME type to store and to serve the file with.</summary>
    public static string ContentType(DocumentFileType type) => type switch
    {
        DocumentFileType.Pdf => "application/pdf",
        DocumentFileType.Jpeg => "image/jpeg",
        DocumentFileType.Png => "image/png",
        DocumentFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document file type."),
    };

    /// <summary>File extension with the dot, for stored and downloaded names.</summary>
    public static string Extension(DocumentFileType type) => type switch
    {
        DocumentFileType.Pdf => ".pdf",
        DocumentFileType.Jpeg => ".jpg",
        DocumentFileType.Png => ".png",
        DocumentFileType.Docx => ".docx",
        DocumentFileType.Xlsx => ".xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document file type."),
    };

    /// <summary>
    /// Same as <see cref="Detect(Stream)"/> with asynchronous reads, for streams that must not
    /// be read synchronously.
    /// </summary>
    /// <exception cref="ArgumentException">The stream cannot seek or read.</exception>
    public static async Task<DocumentFileType?> DetectAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("File detection needs a readable, seekable stream.", nameof(content));
        }

        var position = content.Position;
        try
        {
            content.Position = 0;
            var head = new byte[HeadLength];
            var read = await content.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (Detect(head.AsSpan(0, read)) is { } simple)
            {
                return simple;
            }

            if (!head.AsSpan(0, read).StartsWith(ZipMagic))
            {
                return null;
            }

            try
            {
                content.Position = 0;
                var zip = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
                await using (zip.ConfigureAwait(false))
                {
                    return Classify(zip);
                }
            }
            catch (Exception e) when (IsGarbage(e))
            {
                return null;
            }
        }
        finally
        {
            content.Position = position;
        }
    }

    private static DocumentFileType? DetectPackage(Stream content)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return Classify(zip);
        }
        catch (Exception e) when (IsGarbage(e))
        {
            return null;
        }
    }

    private static DocumentFileType? Classify(ZipArchive zip)
    {
        bool contentTypes = false, document = false, workbook = false, macros = false;
        foreach (var entry in zip.Entries)
        {
            // OPC part names compare case-insensitively (ISO/IEC 29500-2 §9.1.1.1).
            var name = entry.FullName;
            contentTypes |= Is(name, "[Content_Types].xml");
            document |= Is(name, "word/document.xml");
            workbook |= Is(name, "xl/workbook.xml");
            // Macro code only exists in DOCM/XLSM; a renamed one is not what we accept.
            macros |= name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase);
        }

        return (contentTypes, document, workbook, macros) switch
        {
            (true, true, false, false) => DocumentFileType.Docx,
            (true, false, true, false) => DocumentFileType.Xlsx,
            _ => null,
        };
    }

    // Garbage after a ZIP signature is an unknown file, not an error; the reader reports broken
    // archives with several exception types, so only cancellation and resource exhaustion pass.
    private static bool IsGarbage(Exception e) => e is not (OperationCanceledException or OutOfMemoryException);

    private static bool Is(string name, string part) => string.Equals(name, part, StringComparison.OrdinalIgnoreCase);
}
