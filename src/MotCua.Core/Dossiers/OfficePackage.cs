using System.IO.Compression;
using System.Text;

namespace MotCua.Core.Dossiers;

/// <summary>Why an upload is refused: a stable code for the audit trail and a message for the sender.</summary>
public sealed record UploadRejection(string Code, string Message);

/// <summary>Limits on a DOCX/XLSX package, checked before anything else reads it.</summary>
public sealed record PackageLimits(int MaxEntries = 1_000, long MaxInflatedBytes = 100L * 1024 * 1024);

/// <summary>
/// Checks an OOXML package (DOCX, XLSX: ZIP files, ISO/IEC 29500-2) before it is accepted: the
/// number of entries and the total inflated size are capped (OWASP ASVS 5.0 5.2.3; ClamAV does not
/// reject size bombs by itself), entry names may not point outside the package, and macro-enabled
/// content (a VBA project or a macroEnabled content type) is refused. The inflated size is measured
/// by inflating, never trusted from the headers, and inflation stops at the cap.
/// </summary>
public static class OfficePackage
{
    private const int MaxContentTypesBytes = 1024 * 1024;

    /// <summary>Null when the package is acceptable; the stream position is restored.</summary>
    public static UploadRejection? Inspect(Stream content, PackageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var position = content.Position;
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return Inspect(zip, limits);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return Broken;
        }
        finally
        {
            content.Position = position;
        }
    }

    private static UploadRejection? Inspect(ZipArchive zip, PackageLimits limits)
    {
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
            return new UploadRejection("package-too-many-entries", $"Tệp DOCX/XLSX có quá nhiều thành phần (tối đa {limits.MaxEntries}).");
        long declared = 0;
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (name.StartsWith('/') || name.StartsWith('\\') || name.Split('/', '\\').Contains(".."))
                return new UploadRejection("package-bad-entry-name", "Tệp DOCX/XLSX có thành phần mang đường dẫn không hợp lệ.");
            // A VBA project only exists in macro-enabled documents (DOCM/XLSM) and macro templates.
            if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || name.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase))
                return Macros;
            declared += entry.Length;
        }
        if (declared > limits.MaxInflatedBytes)
            return TooLarge(limits);

        var buffer = new byte[81920];
        long inflated = 0;
        foreach (var entry in entries)
        {
            var contentTypes = string.Equals(entry.FullName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
            using var part = entry.Open();
            using var text = contentTypes ? new MemoryStream() : null;
            int read;
            while ((read = part.Read(buffer)) > 0)
            {
                inflated += read;
                if (inflated > limits.MaxInflatedBytes)
                    return TooLarge(limits);
                if (text is not null)
                {
                    if (text.Length + read > MaxContentTypesBytes)
                        return Broken;
                    text.Write(buffer, 0, read);
                }
            }
            // ECMA-376 content types of macro-enabled parts all carry "macroEnabled" (e.g.
            // application/vnd.ms-word.document.macroEnabled.main+xml) or name the VBA project.
            if (text is not null && Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length) is var types
                && (types.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || types.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
                return Macros;
        }
        return null;
    }

    private static readonly UploadRejection Broken = new("package-broken", "Tệp DOCX/XLSX bị hỏng hoặc không đọc được.");

    private static readonly UploadRejection Macros = new("package-macros", "Không nhận tệp Word/Excel có macro (VBA); vui lòng lưu lại dạng DOCX/XLSX không có macro.");

    private static UploadRejection TooLarge(PackageLimits limits) =>
        new("package-too-large-inflated", $"Tệp DOCX/XLSX khi giải nén vượt quá {limits.MaxInflatedBytes / 1024 / 1024} MB.");
}
