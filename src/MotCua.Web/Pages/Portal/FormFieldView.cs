using MotCua.Core.Catalog;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Portal;

/// <summary>One form field as drawn: its definition, the value to show, its error (if any), how to read a sub-field posted back (dates) and the typed lines of a business-lines field.</summary>
public sealed record FormFieldView(FormField Field, string? Value, string? Error, Func<string, string?> Posted, IReadOnlyList<string>? Lines = null)
{
    public string Id => "f_" + Field.Key;
    public string Name => FormFieldBinding.Prefix + Field.Key;
    public string? ErrorId => Error is null ? null : Id + "-error";
    public string? Invalid => Error is null ? null : "true";

    /// <summary>Day, month and year to show: as posted, or split from a saved ISO date (a draft).</summary>
    public (string? Day, string? Month, string? Year) DateParts()
    {
        if (Value is { Length: > 0 } iso && DateOnly.TryParseExact(iso.Trim('"'), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var d))
            return (d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (Posted(Field.Key + DateFieldInput.Day), Posted(Field.Key + DateFieldInput.Month), Posted(Field.Key + DateFieldInput.Year));
    }
}

public static class FileSizes
{
    /// <summary>A file size as people read it: "850 KB", "2,4 MB" (Vietnamese decimal comma).</summary>
    public static string Show(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, (bytes + 1023) / 1024)} KB"
        : (bytes / 1024d / 1024d).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " MB";

    /// <summary>The kind of file in words people know.</summary>
    public static string KindOf(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel",
        _ => "tệp",
    };
}
