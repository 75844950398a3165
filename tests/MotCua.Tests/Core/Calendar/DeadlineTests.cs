using MotCua.Core.Calendar;

namespace MotCua.Tests.Core.Calendar;

// Worked examples of docs/domain/deadlines.md#examples (hours 07:00–11:30, 13:30–17:00; holidays of docs/domain/calendar.md#holidays).
public class DeadlineTests
{
    private static readonly WorkingCalendar Calendar = new(OfficeHours.Default, []);

    private static DateTime At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0);

    private static TimeLimit WorkingDays(decimal value) => new(value, TimeLimitUnit.WorkingDays);

    [Fact]
    public void ThreeWorkingDays_FromMonday10_IsThursday10() =>
        Assert.Equal(At(2026, 3, 5, 10), Deadline.Due(Calendar, At(2026, 3, 2, 10), WorkingDays(3)));

    [Fact]
    public void TwoWorkingDays_FromFriday1530_SkipsGioToDayInLieu() =>
        Assert.Equal(At(2026, 4, 29, 15, 30), Deadline.Due(Calendar, At(2026, 4, 24, 15, 30), WorkingDays(2)));

    [Fact]
    public void OneWorkingDay_FromSaturdayEvening_IsMondayClose() =>
        Assert.Equal(At(2026, 3, 9, 17), Deadline.Due(Calendar, At(2026, 3, 7, 18), WorkingDays(1)));

    [Fact]
    public void OneWorkingDay_FromThursdayOpening_IsThursdayCloseNotFridayOpening() =>
        Assert.Equal(At(2026, 3, 5, 17), Deadline.Due(Calendar, At(2026, 3, 5, 7), WorkingDays(1)));

    [Fact]
    public void ReceivedDuringLunch_ClockStartsAt1330()
    {
        // Mon 13:30–17:00 = 3.5 h, then Tue 07:00–11:30 = 4.5 h: used up exactly at Tue's lunch close.
        Assert.Equal(At(2026, 3, 3, 11, 30), Deadline.Due(Calendar, At(2026, 3, 2, 12), WorkingDays(1)));
    }

    [Fact]
    public void ReceivedAfterClose_ClockStartsNextOpening() =>
        Assert.Equal(At(2026, 3, 4, 17), Deadline.Due(Calendar, At(2026, 3, 2, 17, 45), WorkingDays(2)));

    [Fact]
    public void TwoWorkingDays_AcrossTet2026()
    {
        // Fri 13 Feb 09:00 → 6 h that day; 16–20 Feb is Tết; Mon 23 Feb 8 h; 2 h more on Tue 24 Feb.
        Assert.Equal(At(2026, 2, 24, 9), Deadline.Due(Calendar, At(2026, 2, 13, 9), WorkingDays(2)));
    }

    [Fact]
    public void MakeUpSaturday_IsCounted()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, [new CalendarOverride(new DateOnly(2023, 1, 14), CalendarOverrideKind.WorkingDay, "Làm bù")]);

        Assert.Equal(At(2023, 1, 14, 10), Deadline.Due(calendar, At(2023, 1, 13, 10), WorkingDays(1)));
        Assert.Equal(At(2023, 1, 16, 10), Deadline.Due(Calendar, At(2023, 1, 13, 10), WorkingDays(1)));
    }

    [Fact]
    public void HalfWorkingDay_IsFourHours() =>
        Assert.Equal(At(2026, 3, 2, 15), Deadline.Due(Calendar, At(2026, 3, 2, 9), WorkingDays(0.5m)));

    [Fact]
    public void ZeroWorkingDays_IsClockStart() =>
        Assert.Equal(At(2026, 3, 9, 7), Deadline.Due(Calendar, At(2026, 3, 7, 10), WorkingDays(0)));

    [Fact]
    public void WorkingHours_SpanTheNight()
    {
        Assert.Equal(At(2026, 3, 3, 10), Deadline.Due(Calendar, At(2026, 3, 2, 8), new TimeLimit(10, TimeLimitUnit.WorkingHours)));
        Assert.Equal(At(2026, 3, 3, 8), Deadline.Due(Calendar, At(2026, 3, 2, 16), new TimeLimit(2, TimeLimitUnit.WorkingHours)));
    }

    [Fact]
    public void CalendarDays_EndingOnSunday_MovesToMondayClose() =>
        Assert.Equal(At(2026, 3, 9, 17), Deadline.Due(Calendar, At(2026, 3, 3, 10), new TimeLimit(5, TimeLimitUnit.CalendarDays)));

    [Fact]
    public void CalendarDays_EndingOn30April_MovesPastTheHolidaysAndWeekend() =>
        Assert.Equal(At(2026, 5, 4, 17), Deadline.Due(Calendar, At(2026, 4, 20, 10), new TimeLimit(10, TimeLimitUnit.CalendarDays)));

    [Fact]
    public void CalendarDays_EndingOnWorkingDay_IsItsClose() =>
        Assert.Equal(At(2026, 3, 5, 17), Deadline.Due(Calendar, At(2026, 3, 2, 10), new TimeLimit(3, TimeLimitUnit.CalendarDays)));

    [Fact]
    public void CalendarDays_ReceivedOnSaturday_CountFromMonday() =>
        Assert.Equal(At(2026, 3, 10, 17), Deadline.Due(Calendar, At(2026, 3, 7, 10), new TimeLimit(1, TimeLimitUnit.CalendarDays)));

    [Fact]
    public void CalendarDays_Fractional_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadline.Due(Calendar, At(2026, 3, 2, 10), new TimeLimit(1.5m, TimeLimitUnit.CalendarDays)));

    [Theory]
    [InlineData(3, 14, 50, 3)]  // Tue before 15:00: same day
    [InlineData(3, 15, 10, 4)]  // Tue after 15:00: Wednesday
    [InlineData(3, 15, 0, 4)]   // the cut-off itself is not "before 15:00"
    [InlineData(3, 6, 30, 3)]   // before opening counts as that day
    [InlineData(3, 18, 0, 4)]   // after close
    [InlineData(6, 15, 10, 9)]  // Friday after 15:00: Monday
    [InlineData(7, 10, 0, 9)]   // Saturday: Monday
    public void SameDay_WithCutoff(int receivedDay, int hour, int minute, int dueDay) =>
        Assert.Equal(At(2026, 3, dueDay, 17), Deadline.Due(Calendar, At(2026, 3, receivedDay, hour, minute), new TimeLimit(0, TimeLimitUnit.SameDay)));

    [Fact]
    public void SameDay_AfterCutoffBeforeHolidays_IsFirstDayAfterThem() =>
        Assert.Equal(At(2026, 5, 4, 17), Deadline.Due(Calendar, At(2026, 4, 29, 15, 10), new TimeLimit(0, TimeLimitUnit.SameDay)));

    [Fact]
    public void DateTimeOffsetOverload_FromUtc_ReturnsVietnamOffset()
    {
        var received = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero); // 10:00 in Vietnam

        var due = Deadline.Due(Calendar, received, WorkingDays(3));

        Assert.Equal(TimeSpan.FromHours(7), due.Offset);
        Assert.Equal(new DateTime(2026, 3, 5, 10, 0, 0), due.DateTime);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 3, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void DateTimeOffsetOverload_LateUtcEvening_IsNextVietnamDay()
    {
        // 23:30 UTC Sunday 1 Mar is 06:30 Monday 2 Mar in Vietnam: same-day due Monday 17:00.
        var due = Deadline.Due(Calendar, new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero), new TimeLimit(0, TimeLimitUnit.SameDay));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(7)), due);
    }

    [Fact]
    public void NegativeLimit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeLimit(-1, TimeLimitUnit.WorkingDays));

    [Fact]
    public void SameDayCutoff_Is15h() => Assert.Equal(new TimeOnly(15, 0), Deadline.SameDayCutoff);
}
