using MotCua.Core.Calendar;

namespace MotCua.Tests.Core.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(OfficeHours.Default, []);

    private static DateTime At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0);

    [Theory]
    [InlineData(2026, 3, 2, true)]   // Monday
    [InlineData(2026, 3, 7, false)]  // Saturday
    [InlineData(2026, 3, 8, false)]  // Sunday
    [InlineData(2026, 2, 17, false)] // Tết
    [InlineData(2026, 2, 16, false)] // 29 tháng Chạp
    [InlineData(2026, 4, 27, false)] // day in lieu of Giỗ Tổ
    [InlineData(2026, 4, 28, true)]
    [InlineData(2026, 9, 1, false)]  // default day next to 2/9
    public void IsWorkingDay_DefaultCalendar(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(new DateOnly(year, month, day)));

    [Fact]
    public void MakeUpSaturday_IsWorkingDay()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, [new CalendarOverride(new DateOnly(2023, 1, 14), CalendarOverrideKind.WorkingDay, "Làm bù")]);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2023, 1, 14)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2023, 1, 14)));
        Assert.Equal(new DateOnly(2023, 1, 14), calendar.NextWorkingDay(new DateOnly(2023, 1, 13)));
    }

    [Fact]
    public void WorkingDayOverride_RemovesDefaultDayOff()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, [new CalendarOverride(new DateOnly(2026, 9, 1), CalendarOverrideKind.WorkingDay, "Đi làm")]);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 9, 1)));
        Assert.DoesNotContain(calendar.DaysOff(2026), d => d.Date == new DateOnly(2026, 9, 1));
    }

    [Fact]
    public void DayOffOverride_MakesWeekdayADayOff()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, [new CalendarOverride(new DateOnly(2026, 3, 4), CalendarOverrideKind.DayOff, "Nghỉ")]);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 4)));
        Assert.Equal(new DateOnly(2026, 3, 5), calendar.NextWorkingDay(new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void NextWorkingDay_SkipsHolidaysAndWeekends()
    {
        Assert.Equal(new DateOnly(2026, 4, 28), Calendar.NextWorkingDay(new DateOnly(2026, 4, 24)));
        Assert.Equal(new DateOnly(2026, 5, 4), Calendar.NextWorkingDay(new DateOnly(2026, 4, 29)));
        Assert.Equal(new DateOnly(2026, 2, 23), Calendar.NextWorkingDay(new DateOnly(2026, 2, 13)));
    }

    [Theory]
    [InlineData(9, 15, 2, 9, 15)]   // inside a session: itself
    [InlineData(6, 0, 2, 7, 0)]     // before opening
    [InlineData(11, 30, 2, 13, 30)] // a close is not inside
    [InlineData(12, 0, 2, 13, 30)]  // lunch
    [InlineData(17, 0, 3, 7, 0)]    // evening close
    [InlineData(21, 0, 3, 7, 0)]
    public void NextWorkingInstant_OnMonday2March2026(int hour, int minute, int expectedDay, int expectedHour, int expectedMinute) =>
        Assert.Equal(At(2026, 3, expectedDay, expectedHour, expectedMinute), Calendar.NextWorkingInstant(At(2026, 3, 2, hour, minute)));

    [Fact]
    public void NextWorkingInstant_FridayEveningBeforeTet_IsMondayAfterTet() =>
        Assert.Equal(At(2026, 2, 23, 7), Calendar.NextWorkingInstant(At(2026, 2, 13, 17, 30)));

    [Fact]
    public void CloseOf_IsLastSessionClose() => Assert.Equal(At(2026, 3, 2, 17), Calendar.CloseOf(new DateOnly(2026, 3, 2)));

    [Fact]
    public void AddWorkingTime_UsedUpAtLunchClose_ReturnsTheClose() =>
        Assert.Equal(At(2026, 3, 2, 11, 30), Calendar.AddWorkingTime(At(2026, 3, 2, 7), TimeSpan.FromHours(4.5)));

    [Fact]
    public void AddWorkingTime_OneMinutePastMorning_ContinuesAfterLunch() =>
        Assert.Equal(At(2026, 3, 2, 13, 31), Calendar.AddWorkingTime(At(2026, 3, 2, 7), TimeSpan.FromMinutes(271)));

    [Fact]
    public void AddWorkingTime_ZeroAtClose_IsNextOpening() =>
        Assert.Equal(At(2026, 3, 3, 7), Calendar.AddWorkingTime(At(2026, 3, 2, 17), TimeSpan.Zero));

    [Fact]
    public void AddWorkingTime_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(At(2026, 3, 2, 9), TimeSpan.FromMinutes(-1)));

    [Fact]
    public void WorkingTimeBetween_AcrossWeekend_CountsOnlySessions()
    {
        // Fri 6 Mar 15:00–17:00 (2 h) + Mon 9 Mar 07:00–09:00 (2 h).
        var from = At(2026, 3, 6, 15);
        var to = At(2026, 3, 9, 9);

        Assert.Equal(TimeSpan.FromHours(4), Calendar.WorkingTimeBetween(from, to));
        Assert.Equal(TimeSpan.FromHours(-4), Calendar.WorkingTimeBetween(to, from));
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(from, from));
    }

    [Fact]
    public void WorkingTimeBetween_AcrossTet2026_SkipsTheHolidayWeek()
    {
        // Fri 13 Feb 09:00–17:00 = 6 h; 16–20 Feb off; Mon 23 Feb full 8 h; Tue 24 Feb 07:00–08:00.
        Assert.Equal(TimeSpan.FromHours(15), Calendar.WorkingTimeBetween(At(2026, 2, 13, 9), At(2026, 2, 24, 8)));
    }

    [Fact]
    public void WorkingTimeBetween_WithinLunch_IsZero() =>
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(At(2026, 3, 2, 11, 45), At(2026, 3, 2, 13, 15)));

    [Fact]
    public void UtcKindInput_IsConvertedToVietnamTime()
    {
        var utc = new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc); // 10:00 in Vietnam

        Assert.Equal(At(2026, 3, 2, 10), Calendar.NextWorkingInstant(utc));
        Assert.Equal(DateTimeKind.Unspecified, Calendar.NextWorkingInstant(utc).Kind);
    }

    [Fact]
    public void LocalKindInput_IsRejected() =>
        Assert.Throws<ArgumentException>(() => Calendar.NextWorkingInstant(new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Local)));

    [Fact]
    public void ConcurrentUse_GivesConsistentResults()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, []);
        var results = new bool[64];

        Parallel.For(0, results.Length, i => results[i] = calendar.IsWorkingDay(new DateOnly(2030 + (i % 8), 1, 1)));

        Assert.All(results, Assert.False); // 1 January is always a day off
    }
}
