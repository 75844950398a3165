using System.Globalization;

namespace MotCua.Core.Calendar;

/// <summary>Dates as the API and the links write them: ISO 8601 calendar dates, yyyy-MM-dd, whatever the server's culture.</summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>An exact yyyy-MM-dd of a real date; anything else (other layouts, 2026-02-30) is refused.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
