namespace MotCua.Core.Calendar;

/// <summary>
/// Astronomy behind the lunisolar calendar, after the method published by Hồ Ngọc Đức:
/// new moons and the sun's apparent longitude from the low-precision series of Jean Meeus,
/// "Astronomical Algorithms", evaluated at the calendar's time zone. Accuracy is a few minutes,
/// which is what the published Vietnamese calendar tables for 1900–2199 rely on.
/// </summary>
internal static class LunarAstronomy
{
    /// <summary>Mean length of a lunation in days.</summary>
    internal const double SynodicMonth = 29.530588853;

    /// <summary>Julian date (UT) of the mean new moon number 0, 1900-01-01 13:51 UT.</summary>
    internal const double NewMoonEpoch = 2415021.076998695;

    /// <summary>Julian day number of 1900-01-01; lunation numbers are counted from it.</summary>
    private const double Jdn19000101 = 2415021;

    /// <summary>DateOnly.DayNumber counts from 0001-01-01; its Julian day number is 1721426.</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    private const double Radian = Math.PI / 180;

    internal static int ToJulianDayNumber(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    internal static DateOnly FromJulianDayNumber(int jdn) => DateOnly.FromDayNumber(jdn - JulianDayOfDayNumberZero);

    /// <summary>Julian date (UT) of new moon number <paramref name="k"/> (Meeus, true phase series).</summary>
    internal static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries from 1900.0, in lunations
        var t2 = t * t;
        var t3 = t2 * t;
        var jd = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * Radian);
        var sunAnomaly = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var moonAnomaly = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var latitude = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c = ((0.1734 - (0.000393 * t)) * Sin(sunAnomaly)) + (0.0021 * Sin(2 * sunAnomaly));
        c += (-0.4068 * Sin(moonAnomaly)) + (0.0161 * Sin(2 * moonAnomaly)) - (0.0004 * Sin(3 * moonAnomaly));
        c += (0.0104 * Sin(2 * latitude)) - (0.0051 * Sin(sunAnomaly + moonAnomaly));
        c += (-0.0074 * Sin(sunAnomaly - moonAnomaly)) + (0.0004 * Sin((2 * latitude) + sunAnomaly));
        c += (-0.0004 * Sin((2 * latitude) - sunAnomaly)) - (0.0006 * Sin((2 * latitude) + moonAnomaly));
        c += (0.0010 * Sin((2 * latitude) - moonAnomaly)) + (0.0005 * Sin((2 * moonAnomaly) + sunAnomaly));
        // ΔT (TT − UT) in days: two polynomial fits, before and after ~1200 CE.
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd + c - deltaT;
    }

    /// <summary>Local civil day (Julian day number) on which new moon <paramref name="k"/> falls.</summary>
    internal static int NewMoonDay(int k, double timeZone) =>
        (int)Math.Floor(NewMoon(k) + 0.5 + (timeZone / 24));

    /// <summary>Apparent longitude of the sun in radians, [0, 2π), at Julian date <paramref name="jd"/> (UT).</summary>
    internal static double SunLongitude(double jd)
    {
        var t = (jd - 2451545.0) / 36525; // Julian centuries from J2000.0
        var t2 = t * t;
        var meanAnomaly = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var meanLongitude = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var center = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Sin(meanAnomaly);
        center += ((0.019993 - (0.000101 * t)) * Sin(2 * meanAnomaly)) + (0.000290 * Sin(3 * meanAnomaly));
        var longitude = (meanLongitude + center) * Radian;
        longitude -= Math.PI * 2 * Math.Floor(longitude / (Math.PI * 2));
        return longitude;
    }

    /// <summary>
    /// The 30° sector (0..11) the sun is in at local midnight starting day <paramref name="jdn"/>;
    /// sector 9 begins at the winter solstice (270°). A month whose first day and the next
    /// month's first day share a sector contains no major solar term.
    /// </summary>
    internal static int SunSector(int jdn, double timeZone) =>
        (int)Math.Floor(SunLongitude(jdn - 0.5 - (timeZone / 24)) / Math.PI * 6);

    /// <summary>Lunation number of the new moon that starts on local day <paramref name="jdn"/>.</summary>
    internal static int LunationOf(int jdn) => (int)Math.Floor(((jdn - NewMoonEpoch) / SynodicMonth) + 0.5);

    /// <summary>First day of lunar month 11 — the month containing the winter solstice — of <paramref name="year"/>.</summary>
    internal static int Month11Start(int year, double timeZone)
    {
        var lastDay = ToJulianDayNumber(new DateOnly(year, 12, 31));
        var k = (int)Math.Floor((lastDay - Jdn19000101) / SynodicMonth);
        var start = NewMoonDay(k, timeZone);
        // Past the solstice already at that new moon: the solstice month started one lunation earlier.
        return SunSector(start, timeZone) >= 9 ? NewMoonDay(k - 1, timeZone) : start;
    }

    /// <summary>
    /// In a 13-month span starting at month 11, the offset of the leap month: the first month
    /// with no major solar term (the rule of the lunisolar calendar since the 1645 reform).
    /// </summary>
    internal static int LeapMonthOffset(int month11Start, double timeZone)
    {
        var k = LunationOf(month11Start);
        var i = 1;
        var sector = SunSector(NewMoonDay(k + i, timeZone), timeZone);
        int previous;
        do
        {
            previous = sector;
            i++;
            sector = SunSector(NewMoonDay(k + i, timeZone), timeZone);
        }
        while (sector != previous && i < 14);
        return i - 1;
    }

    private static double Sin(double degrees) => Math.Sin(degrees * Radian);
}
