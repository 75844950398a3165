using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A date typed as day, month and year fields, the order Vietnamese people write it (dd/mm/yyyy).
/// Accepts what people type: "5" or "05", "tháng 3" or "T3", a two-digit year, and a whole date
/// ("05/03/2026", "5-3-2026", "5.3.2026" or the ISO "2026-03-05") pasted into the day field.
/// </summary>
public static partial class DateFieldInput
{
    public const string Day = ".ngay", Month = ".thang", Year = ".nam";

    public enum Outcome { Empty, Valid, Incomplete, NotReal }

    public static (Outcome Outcome, DateOnly? Date) Parse(string? day, string? month, string? year, int currentYear)
    {
        day = day?.Trim() ?? "";
        month = Digits(month);
        year = year?.Trim() ?? "";
        if (Whole().Match(day) is { Success: true } whole && month.Length == 0 && year.Length == 0)
            (day, month, year) = (whole.Groups[1].Value, whole.Groups[2].Value, whole.Groups[3].Value);
        else if (Iso().Match(day) is { Success: true } iso && month.Length == 0 && year.Length == 0)
            (day, month, year) = (iso.Groups[3].Value, iso.Groups[2].Value, iso.Groups[1].Value);
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
            return (Outcome.Empty, null);
        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            return (Outcome.Incomplete, null);
        if (year.Length <= 2)
            y += y <= currentYear % 100 ? currentYear / 100 * 100 : (currentYear / 100 - 1) * 100;
        if (y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            return (Outcome.NotReal, null);
        return (Outcome.Valid, new DateOnly(y, m, d));
    }

    /// <summary>The Vietnamese message for a date that is not usable, naming the field.</summary>
    public static string Message(Outcome outcome, string label) => outcome == Outcome.Incomplete
        ? $"\"{label}\" phải có đủ ngày, tháng và năm, ví dụ 15 01 2026."
        : $"\"{label}\" phải là một ngày có thật, ví dụ 15 01 2026.";

    private static string Digits(string? month)
    {
        var text = (month ?? "").Trim().ToLowerInvariant();
        foreach (var prefix in new[] { "tháng", "thang", "th", "t" })
            if (text.StartsWith(prefix, StringComparison.Ordinal))
                return text[prefix.Length..].Trim();
        return text;
    }

    [GeneratedRegex(@"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex Iso();
}
