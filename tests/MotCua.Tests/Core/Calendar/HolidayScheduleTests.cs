using MotCua.Core.Calendar;

namespace MotCua.Tests.Core.Calendar;

public class HolidayScheduleTests
{
    private static DayOff Holiday(int year, int month, int day, string name, bool awaiting = false) =>
        new(new DateOnly(year, month, day), name, DayOffKind.PublicHoliday, awaiting);

    private static DayOff Compensatory(int year, int month, int day, string holidayName) =>
        new(new DateOnly(year, month, day), "Nghỉ bù " + holidayName, DayOffKind.Compensatory);

    [Fact]
    public void Default2026_IsTheLaborCodeScheduleWithGioToCompensated()
    {
        DayOff[] expected =
        [
            Holiday(2026, 1, 1, "Tết Dương lịch"),
            Holiday(2026, 2, 16, "Tết Nguyên đán"), // 29 tháng Chạp: month 12 of Ất Tỵ has 29 days
            Holiday(2026, 2, 17, "Tết Nguyên đán"),
            Holiday(2026, 2, 18, "Tết Nguyên đán"),
            Holiday(2026, 2, 19, "Tết Nguyên đán"),
            Holiday(2026, 2, 20, "Tết Nguyên đán"),
            Holiday(2026, 4, 26, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"), // Sunday
            Compensatory(2026, 4, 27, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
            Holiday(2026, 4, 30, "Ngày Chiến thắng"),
            Holiday(2026, 5, 1, "Ngày Quốc tế Lao động"),
            Holiday(2026, 9, 1, "Nghỉ liền kề Quốc khánh"), // 2/9 is a Wednesday
            Holiday(2026, 9, 2, "Quốc khánh"),
            Holiday(2026, 11, 24, "Ngày Văn hóa Việt Nam", awaiting: true),
        ];

        Assert.Equal(expected, HolidaySchedule.DefaultFor(2026));
    }

    [Fact]
    public void Default2022_WeekendHolidaysGetNextWeekdays()
    {
        // Matches the 2022 notice: 1/1 Saturday -> 3/1; Giỗ Tổ Sunday 10/4 -> 11/4;
        // 30/4 Saturday and 1/5 Sunday -> 2/5 and 3/5; 2/9 Friday with 1/9.
        var days = HolidaySchedule.DefaultFor(2022).Select(d => d.Date).ToArray();

        DateOnly[] expected =
        [
            new(2022, 1, 1), new(2022, 1, 3),
            new(2022, 1, 31), new(2022, 2, 1), new(2022, 2, 2), new(2022, 2, 3), new(2022, 2, 4),
            new(2022, 4, 10), new(2022, 4, 11),
            new(2022, 4, 30), new(2022, 5, 1), new(2022, 5, 2), new(2022, 5, 3),
            new(2022, 9, 1), new(2022, 9, 2),
        ];
        Assert.Equal(expected, days);
    }

    [Fact]
    public void Default2023_ConsecutiveWeekendHolidaysTakeDistinctWeekdays()
    {
        // Giỗ Tổ Saturday 29/4, 30/4 Sunday, 1/5 Monday: the 2023 notice gave 2/5 and 3/5 in lieu.
        var days = HolidaySchedule.DefaultFor(2023);

        var mayBreak = days.Where(d => d.Date.Month is 4 or 5).ToArray();
        Assert.Equal(
            [new DateOnly(2023, 4, 29), new(2023, 4, 30), new(2023, 5, 1), new(2023, 5, 2), new(2023, 5, 3)],
            mayBreak.Select(d => d.Date));
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", mayBreak[3].Name);
        Assert.Equal("Nghỉ bù Ngày Chiến thắng", mayBreak[4].Name);

        // 2/9 Saturday: adjacent day Friday 1/9, compensatory Monday 4/9 (the 2023 notice).
        Assert.Equal(
            [new DateOnly(2023, 9, 1), new(2023, 9, 2), new(2023, 9, 4)],
            days.Where(d => d.Date.Month == 9).Select(d => d.Date));
    }

    [Theory]
    [InlineData(2024, 3)] // Monday
    [InlineData(2025, 1)] // Tuesday
    [InlineData(2026, 1)] // Wednesday
    [InlineData(2027, 3)] // Thursday
    [InlineData(2022, 1)] // Friday
    [InlineData(2028, 1)] // Saturday
    [InlineData(2029, 3)] // Sunday
    public void NationalDayAdjacent_FollowsTheDefaultRule(int year, int adjacentDay)
    {
        var adjacent = Assert.Single(HolidaySchedule.DefaultFor(year), d => d.Name == "Nghỉ liền kề Quốc khánh");
        Assert.Equal(new DateOnly(year, 9, adjacentDay), adjacent.Date);
    }

    [Fact]
    public void NationalDayOnSunday_AdjacentMondayAndCompensatoryTuesday()
    {
        // 2/9/2029 is a Sunday: 3/9 is the adjacent day, so the day in lieu is Tuesday 4/9.
        Assert.Equal(
            [new DateOnly(2029, 9, 2), new(2029, 9, 3), new(2029, 9, 4)],
            HolidaySchedule.DefaultFor(2029).Where(d => d.Date.Month == 9).Select(d => d.Date));
    }

    [Fact]
    public void CultureDay_AbsentBefore2026()
    {
        Assert.DoesNotContain(HolidaySchedule.DefaultFor(2025), d => d.Date.Month == 11);
        Assert.Contains(HolidaySchedule.DefaultFor(2027), d => d.Date == new DateOnly(2027, 11, 24) && d.AwaitingConfirmation);
    }

    [Fact]
    public void CultureDayOnSaturday_CompensatoryAlsoAwaitsConfirmation()
    {
        // 24/11/2029 is a Saturday.
        var days = HolidaySchedule.DefaultFor(2029);
        var compensatory = Assert.Single(days, d => d.Kind == DayOffKind.Compensatory && d.Date.Month == 11);
        Assert.Equal(new DateOnly(2029, 11, 26), compensatory.Date);
        Assert.True(compensatory.AwaitingConfirmation);
    }

    [Fact]
    public void GioToOnVictoryDay_GivesOneMergedDayOff()
    {
        // In 1947, 10/3 lunar fell on 30 April.
        var day = Assert.Single(HolidaySchedule.DefaultFor(1947), d => d.Date == new DateOnly(1947, 4, 30));
        Assert.Equal("Giỗ Tổ Hùng Vương (10/3 âm lịch), Ngày Chiến thắng", day.Name);
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(1985)]
    [InlineData(2020)]
    [InlineData(2023)]
    [InlineData(2026)]
    [InlineData(2029)]
    [InlineData(2033)]
    [InlineData(2199)]
    public void Default_IsSortedAndOnlyHolidaysThemselvesFallOnWeekends(int year)
    {
        var days = HolidaySchedule.DefaultFor(year);

        Assert.All(days.Zip(days.Skip(1)), pair => Assert.True(pair.First.Date < pair.Second.Date));
        Assert.All(days, d => Assert.Equal(year, d.Date.Year));
        var weekend = days.Where(d => d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        Assert.All(weekend, d => Assert.Equal(DayOffKind.PublicHoliday, d.Kind));
        Assert.Equal(weekend.Count, days.Count(d => d.Kind == DayOffKind.Compensatory));
        Assert.Equal(5, days.Count(d => d.Name == "Tết Nguyên đán"));
    }

    [Fact]
    public void Default_OutOfRangeYear_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidaySchedule.DefaultFor(1899));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidaySchedule.DefaultFor(2200));
    }

    [Fact]
    public void Effective_DayOffOverrideConfirmsCultureDayAndKeepsName()
    {
        var days = HolidaySchedule.EffectiveFor(2026, [new CalendarOverride(new DateOnly(2026, 11, 24), CalendarOverrideKind.DayOff, "")]);

        var cultureDay = Assert.Single(days, d => d.Date == new DateOnly(2026, 11, 24));
        Assert.Equal(new DayOff(new DateOnly(2026, 11, 24), "Ngày Văn hóa Việt Nam", DayOffKind.PublicHoliday), cultureDay);
        Assert.Equal(13, days.Count);
    }

    [Fact]
    public void Effective_ConfirmingWeekendCultureDay_ConfirmsItsCompensatoryDay()
    {
        var days = HolidaySchedule.EffectiveFor(2029, [new CalendarOverride(new DateOnly(2029, 11, 24), CalendarOverrideKind.DayOff, "Văn hóa")]);

        Assert.Equal("Văn hóa", days.Single(d => d.Date == new DateOnly(2029, 11, 24)).Name);
        Assert.False(days.Single(d => d.Date == new DateOnly(2029, 11, 26)).AwaitingConfirmation);
    }

    [Fact]
    public void Effective_Official2023Tet_ReplacesDefaultDays()
    {
        // Notice for Tết 2023: off Fri 20 Jan – Thu 26 Jan; Sat 14 Jan worked instead of 20 Jan.
        CalendarOverride[] notice =
        [
            new(new DateOnly(2023, 1, 14), CalendarOverrideKind.WorkingDay, "Làm bù", "Thông báo lịch nghỉ Tết 2023"),
            new(new DateOnly(2023, 1, 20), CalendarOverrideKind.DayOff, "Tết Nguyên đán (hoán đổi)"),
            new(new DateOnly(2023, 1, 27), CalendarOverrideKind.WorkingDay, "Đi làm"),
            new(new DateOnly(2022, 12, 30), CalendarOverrideKind.DayOff, "Other year, ignored"),
        ];

        var january = HolidaySchedule.EffectiveFor(2023, notice).Where(d => d.Date.Month == 1).ToList();

        Assert.Equal(
            [new DateOnly(2023, 1, 1), new(2023, 1, 2), new(2023, 1, 20), new(2023, 1, 21), new(2023, 1, 22), new(2023, 1, 23), new(2023, 1, 24), new(2023, 1, 25), new(2023, 1, 26)],
            january.Select(d => d.Date));
        Assert.Equal(new DayOff(new DateOnly(2023, 1, 20), "Tết Nguyên đán (hoán đổi)", DayOffKind.ExtraDayOff), january[2]);
    }

    [Fact]
    public void Effective_WorkingDayOverrideMovesNationalDayAdjacentDay()
    {
        CalendarOverride[] notice =
        [
            new(new DateOnly(2026, 9, 1), CalendarOverrideKind.WorkingDay, "Đi làm"),
            new(new DateOnly(2026, 9, 3), CalendarOverrideKind.DayOff, "Nghỉ liền kề Quốc khánh"),
        ];

        var september = HolidaySchedule.EffectiveFor(2026, notice).Where(d => d.Date.Month == 9).ToList();

        Assert.Equal([new DateOnly(2026, 9, 2), new(2026, 9, 3)], september.Select(d => d.Date));
        Assert.Equal(DayOffKind.ExtraDayOff, september[1].Kind);
    }

    [Fact]
    public void Effective_LaterOverrideOfSameDateWins()
    {
        var date = new DateOnly(2026, 3, 9);
        CalendarOverride[] changes =
        [
            new(date, CalendarOverrideKind.DayOff, "Nghỉ"),
            new(date, CalendarOverrideKind.WorkingDay, "Hủy"),
        ];

        Assert.DoesNotContain(HolidaySchedule.EffectiveFor(2026, changes), d => d.Date == date);
        Assert.Contains(HolidaySchedule.EffectiveFor(2026, changes.Reverse()), d => d.Date == date);
    }
}
