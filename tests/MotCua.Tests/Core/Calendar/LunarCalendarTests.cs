using MotCua.Core.Calendar;

namespace MotCua.Tests.Core.Calendar;

public class LunarCalendarTests
{
    // Tết (1/1 lunar) dates as published in Vietnamese calendars.
    [Theory]
    [InlineData(2000, 2, 5)]
    [InlineData(2016, 2, 8)]
    [InlineData(2017, 1, 28)]
    [InlineData(2018, 2, 16)]
    [InlineData(2019, 2, 5)]
    [InlineData(2020, 1, 25)]
    [InlineData(2021, 2, 12)]
    [InlineData(2022, 2, 1)]
    [InlineData(2023, 1, 22)]
    [InlineData(2024, 2, 10)]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    [InlineData(2028, 1, 26)]
    public void TetOfYear_MatchesPublishedDate(int year, int month, int day)
    {
        var tet = new DateOnly(year, month, day);

        Assert.Equal(tet, LunarCalendar.ToSolar(new LunarDate(1, 1, year, false)));
        Assert.Equal(new LunarDate(1, 1, year, false), LunarCalendar.FromSolar(tet));
    }

    [Fact]
    public void Tet1985_DiffersBetweenVietnamAndChina()
    {
        // Vietnam (UTC+7) celebrated Tết Ất Sửu on 21 Jan 1985, China (UTC+8) on 20 Feb 1985.
        var tet = new LunarDate(1, 1, 1985, false);

        Assert.Equal(new DateOnly(1985, 1, 21), LunarCalendar.ToSolar(tet, LunarCalendar.VietnamTimeZone));
        Assert.Equal(new DateOnly(1985, 2, 20), LunarCalendar.ToSolar(tet, LunarCalendar.ChinaTimeZone));
    }

    [Fact]
    public void Tet2007_DiffersBetweenVietnamAndChina()
    {
        // The new moon of 17 Feb 2007 fell at 23:14 in Hanoi but 00:14 on the 18th in Beijing.
        var tet = new LunarDate(1, 1, 2007, false);

        Assert.Equal(new DateOnly(2007, 2, 17), LunarCalendar.ToSolar(tet));
        Assert.Equal(new DateOnly(2007, 2, 18), LunarCalendar.ToSolar(tet, LunarCalendar.ChinaTimeZone));
        Assert.Equal(new LunarDate(30, 12, 2006, false), LunarCalendar.FromSolar(new DateOnly(2007, 2, 17), LunarCalendar.ChinaTimeZone));
    }

    [Fact]
    public void Tet1968_NorthVietnamAtUtc7IsOneDayBeforeUtc8()
    {
        // Tết Mậu Thân: 29 Jan 1968 on the UTC+7 calendar, 30 Jan at UTC+8.
        var tet = new LunarDate(1, 1, 1968, false);

        Assert.Equal(new DateOnly(1968, 1, 29), LunarCalendar.ToSolar(tet));
        Assert.Equal(new DateOnly(1968, 1, 30), LunarCalendar.ToSolar(tet, LunarCalendar.ChinaTimeZone));
    }

    [Theory]
    [InlineData(2001, 4)]
    [InlineData(2004, 2)]
    [InlineData(2006, 7)]
    [InlineData(2009, 5)]
    [InlineData(2012, 4)]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2033, 11)]
    public void LeapMonthOf_LeapYear_ReturnsPublishedLeapMonth(int year, int leapMonth) =>
        Assert.Equal(leapMonth, LunarCalendar.LeapMonthOf(year));

    [Theory]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void LeapMonthOf_CommonYear_ReturnsNull(int year) => Assert.Null(LunarCalendar.LeapMonthOf(year));

    [Fact]
    public void LeapMonth2_2023_StartsOn22March()
    {
        // Tháng 2 nhuận Quý Mão: 22 Mar – 19 Apr 2023, so Giỗ Tổ (10/3) fell on 29 Apr 2023.
        Assert.Equal(new DateOnly(2023, 3, 22), LunarCalendar.ToSolar(new LunarDate(1, 2, 2023, true)));
        Assert.Equal(new LunarDate(29, 2, 2023, true), LunarCalendar.FromSolar(new DateOnly(2023, 4, 19)));
        Assert.Equal(new DateOnly(2023, 4, 29), LunarCalendar.ToSolar(new LunarDate(10, 3, 2023, false)));
    }

    [Fact]
    public void LeapMonth11_2033_BelongsToLunarYear2033()
    {
        var leap = LunarCalendar.ToSolar(new LunarDate(1, 11, 2033, true));
        var regular = LunarCalendar.ToSolar(new LunarDate(1, 11, 2033, false));

        Assert.True(leap > regular);
        Assert.True(leap < LunarCalendar.ToSolar(new LunarDate(1, 1, 2034, false)));
        Assert.Equal(new LunarDate(1, 11, 2033, true), LunarCalendar.FromSolar(leap));
    }

    [Theory]
    [InlineData(2023, 4, 29)]
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    public void GioTo_10th3rdMonth_MatchesPublishedDate(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), LunarCalendar.ToSolar(new LunarDate(10, 3, year, false)));

    [Fact]
    public void MidAutumn_KnownDates() // Tết Trung thu, 15/8
    {
        Assert.Equal(new LunarDate(15, 8, 2024, false), LunarCalendar.FromSolar(new DateOnly(2024, 9, 17)));
        Assert.Equal(new LunarDate(15, 8, 2025, false), LunarCalendar.FromSolar(new DateOnly(2025, 10, 6)));
    }

    [Fact]
    public void Month12OfYear2025_Has29Days_SoTet2026HasNoThirtieth()
    {
        Assert.Equal(29, LunarCalendar.DaysInMonth(2025, 12, false));
        Assert.Equal(new LunarDate(29, 12, 2025, false), LunarCalendar.FromSolar(new DateOnly(2026, 2, 16)));
        Assert.Equal(30, LunarCalendar.DaysInMonth(2023, 12, false)); // 9 Feb 2024 was 30 Tết
        Assert.Equal(new LunarDate(30, 12, 2023, false), LunarCalendar.FromSolar(new DateOnly(2024, 2, 9)));
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(1985)]
    [InlineData(2007)]
    [InlineData(2023)]
    [InlineData(2033)]
    [InlineData(2199)]
    public void EveryDayOfYear_RoundTripsAndAdvancesByOneLunarDay(int year)
    {
        foreach (var timeZone in new[] { LunarCalendar.VietnamTimeZone, LunarCalendar.ChinaTimeZone })
        {
            var first = year == LunarCalendar.MinYear ? LunarCalendar.ToSolar(new LunarDate(1, 1, year, false), timeZone) : new DateOnly(year, 1, 1);
            LunarDate? previous = null;
            for (var date = first; date.Year == year; date = date.AddDays(1))
            {
                var lunar = LunarCalendar.FromSolar(date, timeZone);
                Assert.Equal(date, LunarCalendar.ToSolar(lunar, timeZone));
                if (previous is { } p)
                {
                    var sameMonth = lunar.Day == p.Day + 1 && lunar.Month == p.Month && lunar.IsLeapMonth == p.IsLeapMonth && lunar.Year == p.Year;
                    var newMonth = lunar.Day == 1 && p.Day >= 29 && p.Day == LunarCalendar.DaysInMonth(p.Year, p.Month, p.IsLeapMonth, timeZone);
                    Assert.True(sameMonth || newMonth, $"{date}: {p} -> {lunar}");
                }

                previous = lunar;
            }
        }
    }

    [Fact]
    public void EveryMonth_1900To2199_Has29Or30Days()
    {
        for (var year = LunarCalendar.MinYear; year <= LunarCalendar.MaxYear; year++)
        {
            var leap = LunarCalendar.LeapMonthOf(year);
            for (var month = 1; month <= 12; month++)
            {
                Assert.InRange(LunarCalendar.DaysInMonth(year, month, false), 29, 30);
                if (leap == month)
                {
                    Assert.InRange(LunarCalendar.DaysInMonth(year, month, true), 29, 30);
                }
            }
        }
    }

    public static TheoryData<LunarDate> ImpossibleDates => new()
    {
        new LunarDate(1, 3, 2026, true),   // 2026 has no leap month
        new LunarDate(1, 5, 2025, true),   // 2025's leap month is 6
        new LunarDate(30, 12, 2025, false), // month 12 of Ất Tỵ has 29 days
        new LunarDate(0, 1, 2026, false),
        new LunarDate(31, 1, 2026, false),
        new LunarDate(1, 0, 2026, false),
        new LunarDate(1, 13, 2026, false),
        new LunarDate(1, 1, 1899, false),
        new LunarDate(1, 1, 2200, false),
    };

    [Theory]
    [MemberData(nameof(ImpossibleDates))]
    public void ImpossibleLunarDate_IsRejected(LunarDate lunar)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(lunar));
        Assert.False(LunarCalendar.TryToSolar(lunar, out var date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void TryToSolar_PossibleDate_ReturnsTrue()
    {
        Assert.True(LunarCalendar.TryToSolar(new LunarDate(30, 12, 2023, false), out var date));
        Assert.Equal(new DateOnly(2024, 2, 9), date);
    }

    [Fact]
    public void OutOfRangeInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(new DateOnly(1900, 1, 30))); // lunar 1899
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(new DateOnly(2250, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.LeapMonthOf(1899));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.DaysInMonth(2200, 1, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.DaysInMonth(2026, 3, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(new DateOnly(2026, 1, 1), double.NaN));
        Assert.Equal(new LunarDate(1, 1, 1900, false), LunarCalendar.FromSolar(new DateOnly(1900, 1, 31)));
    }
}
