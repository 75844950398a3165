using System.Collections.Concurrent;
using System.Globalization;

namespace MotCua.Core.Calendar;

/// <summary>
/// Vietnamese lunisolar calendar (âm lịch), computed astronomically at a time zone.
/// The Vietnamese calendar is computed at UTC+7 (docs/domain/calendar.md#lunar-calendar) and is not the Chinese calendar
/// (UTC+8); the two differ in some years (e.g. Tết 1985 and 2007). <see cref="MinYear"/> and
/// <see cref="MaxYear"/> bound the lunar year; solar dates outside that span are rejected.
/// </summary>
public static class LunarCalendar
{
    /// <summary>Vietnamese calendar is computed at UTC+7 (docs/domain/calendar.md#lunar-calendar).</summary>
    public const double VietnamTimeZone = 7.0;

    /// <summary>Chinese calendar is computed at UTC+8.</summary>
    public const double ChinaTimeZone = 8.0;

    /// <summary>First supported lunar year.</summary>
    public const int MinYear = 1900;

    /// <summary>Last supported lunar year.</summary>
    public const int MaxYear = 2199;

    // Months of a "suì": from month 11 of year Y-1 up to, excluding, month 11 of year Y.
    // Bounded: at most (MaxYear - MinYear + 3) entries per time zone in use.
    private static readonly ConcurrentDictionary<(int Year, double TimeZone), LunarMonth[]> Suis = new();

    public static LunarDate FromSolar(DateOnly date, double timeZone = VietnamTimeZone)
    {
        ValidateTimeZone(timeZone);
        // Lunar year MaxYear ends in January/February of MaxYear + 1.
        if (date.Year < MinYear || date.Year > MaxYear + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, OutOfRangeMessage);
        }

        var jdn = LunarAstronomy.ToJulianDayNumber(date);
        var sui = SuiOf(date.Year, timeZone);
        if (jdn >= sui[^1].End)
        {
            sui = SuiOf(date.Year + 1, timeZone);
        }

        var month = Array.Find(sui, m => m.Start <= jdn && jdn < m.End);
        if (month.Year < MinYear || month.Year > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, OutOfRangeMessage);
        }

        return new LunarDate(jdn - month.Start + 1, month.Number, month.Year, month.IsLeap);
    }

    /// <exception cref="ArgumentOutOfRangeException">The lunar date does not exist.</exception>
    public static DateOnly ToSolar(LunarDate lunar, double timeZone = VietnamTimeZone)
    {
        ValidateTimeZone(timeZone);
        var error = Resolve(lunar, timeZone, out var date);
        return error is null ? date : throw new ArgumentOutOfRangeException(nameof(lunar), lunar, error);
    }

    /// <returns>False for a lunar date that does not exist; an invalid time zone still throws.</returns>
    public static bool TryToSolar(LunarDate lunar, out DateOnly date, double timeZone = VietnamTimeZone)
    {
        ValidateTimeZone(timeZone);
        return Resolve(lunar, timeZone, out date) is null;
    }

    /// <returns>The number of the month repeated as leap month in <paramref name="lunarYear"/>, or null.</returns>
    public static int? LeapMonthOf(int lunarYear, double timeZone = VietnamTimeZone)
    {
        ValidateTimeZone(timeZone);
        ValidateYear(lunarYear, nameof(lunarYear));
        foreach (var month in MonthsOf(lunarYear, timeZone))
        {
            if (month.IsLeap)
            {
                return month.Number;
            }
        }

        return null;
    }

    /// <returns>29 or 30.</returns>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth, double timeZone = VietnamTimeZone)
    {
        ValidateTimeZone(timeZone);
        ValidateYear(lunarYear, nameof(lunarYear));
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A lunar month is numbered 1 to 12.");
        }

        foreach (var m in MonthsOf(lunarYear, timeZone))
        {
            if (m.Number == month && m.IsLeap == isLeapMonth)
            {
                return m.Length;
            }
        }

        throw new ArgumentOutOfRangeException(
            nameof(isLeapMonth),
            string.Create(CultureInfo.InvariantCulture, $"Lunar year {lunarYear} has no leap month {month}."));
    }

    private const string OutOfRangeMessage = "Only lunar years 1900 to 2199 are supported.";

    private static string? Resolve(LunarDate lunar, double timeZone, out DateOnly date)
    {
        date = default;
        if (lunar.Year < MinYear || lunar.Year > MaxYear)
        {
            return OutOfRangeMessage;
        }

        if (lunar.Month is < 1 or > 12)
        {
            return "A lunar month is numbered 1 to 12.";
        }

        foreach (var month in MonthsOf(lunar.Year, timeZone))
        {
            if (month.Number != lunar.Month || month.IsLeap != lunar.IsLeapMonth)
            {
                continue;
            }

            if (lunar.Day < 1 || lunar.Day > month.Length)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"Lunar month {lunar.Month}{(lunar.IsLeapMonth ? " (leap)" : "")} of {lunar.Year} has {month.Length} days.");
            }

            date = LunarAstronomy.FromJulianDayNumber(month.Start + lunar.Day - 1);
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"Lunar year {lunar.Year} has no leap month {lunar.Month}.");
    }

    /// <summary>Months 1..12 (and the leap month) of a lunar year, in order.</summary>
    private static IEnumerable<LunarMonth> MonthsOf(int lunarYear, double timeZone)
    {
        // Months 1..10 belong to the suì ending at month 11 of the year; 11 and 12 to the next one.
        foreach (var month in SuiOf(lunarYear, timeZone))
        {
            if (month.Year == lunarYear)
            {
                yield return month;
            }
        }

        foreach (var month in SuiOf(lunarYear + 1, timeZone))
        {
            if (month.Year == lunarYear)
            {
                yield return month;
            }
        }
    }

    private static LunarMonth[] SuiOf(int year, double timeZone) =>
        Suis.GetOrAdd((year, timeZone), static key => BuildSui(key.Year, key.TimeZone));

    private static LunarMonth[] BuildSui(int year, double timeZone)
    {
        var start = LunarAstronomy.Month11Start(year - 1, timeZone);
        var end = LunarAstronomy.Month11Start(year, timeZone);
        var k = LunarAstronomy.LunationOf(start);
        // 13 new moons between two solstice months make a leap year: one month is intercalated.
        var count = end - start > 365 ? 13 : 12;
        var leapIndex = count == 13 ? LunarAstronomy.LeapMonthOffset(start, timeZone) : -1;
        var months = new LunarMonth[count];
        var number = 11;
        var lunarYear = year - 1;
        var monthStart = start;
        for (var i = 0; i < count; i++)
        {
            var isLeap = i == leapIndex;
            if (i > 0 && !isLeap && ++number == 13)
            {
                number = 1;
                lunarYear++;
            }

            var monthEnd = i == count - 1 ? end : LunarAstronomy.NewMoonDay(k + i + 1, timeZone);
            months[i] = new LunarMonth(monthStart, monthEnd, number, isLeap, lunarYear);
            monthStart = monthEnd;
        }

        return months;
    }

    private static void ValidateYear(int lunarYear, string paramName)
    {
        if (lunarYear < MinYear || lunarYear > MaxYear)
        {
            throw new ArgumentOutOfRangeException(paramName, lunarYear, OutOfRangeMessage);
        }
    }

    private static void ValidateTimeZone(double timeZone)
    {
        if (!double.IsFinite(timeZone) || timeZone < -12 || timeZone > 14)
        {
            throw new ArgumentOutOfRangeException(nameof(timeZone), timeZone, "A time zone is an offset from UTC in hours, -12 to +14.");
        }
    }

    /// <summary>One lunar month: local days [Start, End) as Julian day numbers.</summary>
    private readonly record struct LunarMonth(int Start, int End, int Number, bool IsLeap, int Year)
    {
        public int Length => End - Start;
    }
}
