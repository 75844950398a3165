using MotCua.Core.Calendar;

namespace MotCua.Tests.Core.Calendar;

public class OfficeHoursAndVietnamTimeTests
{
    private static WorkSession Session(int openHour, int openMinute, int closeHour, int closeMinute) =>
        new(new TimeOnly(openHour, openMinute), new TimeOnly(closeHour, closeMinute));

    [Fact]
    public void Default_IsTwoSessionsOfEightHours()
    {
        Assert.Equal([Session(7, 0, 11, 30), Session(13, 30, 17, 0)], OfficeHours.Default.Sessions);
        Assert.Equal(TimeSpan.FromHours(8), OfficeHours.Default.DayLength);
    }

    [Fact]
    public void InvalidSessions_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new OfficeHours([]));
        Assert.Throws<ArgumentException>(() => new OfficeHours([Session(11, 0, 11, 0)]));
        Assert.Throws<ArgumentException>(() => new OfficeHours([Session(13, 30, 17, 0), Session(7, 0, 11, 30)]));
        Assert.Throws<ArgumentException>(() => new OfficeHours([Session(7, 0, 12, 0), Session(11, 30, 17, 0)]));
        Assert.Throws<ArgumentException>(() => OfficeHours.Default with { Sessions = [] });
    }

    [Fact]
    public void OfficeHours_EqualByValueAndCopiedDefensively()
    {
        var sessions = new List<WorkSession> { Session(7, 30, 11, 30), Session(13, 0, 17, 0) };
        var hours = new OfficeHours(sessions);
        sessions.Clear();

        Assert.Equal(2, hours.Sessions.Count);
        Assert.Equal(new OfficeHours([Session(7, 30, 11, 30), Session(13, 0, 17, 0)]), hours);
        Assert.NotEqual(OfficeHours.Default, hours);
    }

    [Fact]
    public void ProvincialHours_DeadlineUsesTheirDayLength()
    {
        // 07:30–11:30 and 13:00–17:00 is also 8 h; one working day from Mon 09:00 is Tue 09:00.
        var calendar = new WorkingCalendar(new OfficeHours([Session(7, 30, 11, 30), Session(13, 0, 17, 0)]), []);

        Assert.Equal(new DateTime(2026, 3, 3, 9, 0, 0), Deadline.Due(calendar, new DateTime(2026, 3, 2, 9, 0, 0), new TimeLimit(1, TimeLimitUnit.WorkingDays)));
        Assert.Equal(new DateTime(2026, 3, 2, 13, 0, 0), calendar.NextWorkingInstant(new DateTime(2026, 3, 2, 12, 0, 0)));
    }

    [Fact]
    public void VietnamTime_ConvertsBothWays()
    {
        var utc = new DateTimeOffset(2026, 2, 16, 20, 30, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.Offset);
        Assert.Equal(new DateTime(2026, 2, 17, 3, 30, 0), VietnamTime.ToLocal(utc));
        Assert.Equal(DateTimeKind.Unspecified, VietnamTime.ToLocal(utc).Kind);
        var back = VietnamTime.ToOffset(new DateTime(2026, 2, 17, 3, 30, 0));
        Assert.Equal(TimeSpan.FromHours(7), back.Offset);
        Assert.Equal(utc, back);
    }

    [Fact]
    public void VietnamTime_Today_IsVietnamDateNotUtcDate()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2026, 2, 16, 18, 0, 0, TimeSpan.Zero)); // 01:00 on 17 Feb in Hanoi

        Assert.Equal(new DateOnly(2026, 2, 17), VietnamTime.Today(time));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
