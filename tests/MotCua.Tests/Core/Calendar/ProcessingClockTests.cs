using MotCua.Core.Calendar;

namespace MotCua.Tests.Core.Calendar;

public class ProcessingClockTests
{
    private static readonly WorkingCalendar Calendar = new(OfficeHours.Default, []);
    private static readonly TimeLimit ThreeDays = new(3, TimeLimitUnit.WorkingDays);

    private static DateTime At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0);

    private static ProcessingClock Started() => ProcessingClock.Start(Calendar, At(2026, 3, 2, 10), ThreeDays);

    [Fact]
    public void Start_SetsClockStartAndDue()
    {
        var clock = ProcessingClock.Start(Calendar, At(2026, 3, 7, 18), ThreeDays); // Saturday evening

        Assert.Equal(At(2026, 3, 9, 7), clock.StartedAt);
        Assert.Equal(At(2026, 3, 11, 17), clock.Due);
        Assert.False(clock.IsPaused);
        Assert.Equal(0, clock.PauseCount);
    }

    [Fact]
    public void PauseThenResume_MovesDueByThePausedWorkingTime()
    {
        // Paused Mon 14:00 → Tue 09:00: 3 h on Monday + 2 h on Tuesday = 5 h.
        // Due Thu 10:00 + 5 h = Thu 11:30 (1.5 h) + 13:30–17:00 (3.5 h) = Thu 17:00.
        var paused = Started().Pause(At(2026, 3, 2, 14));
        var resumed = paused.Resume(Calendar, At(2026, 3, 3, 9), SupplementPolicy.Pause);

        Assert.True(paused.IsPaused);
        Assert.Equal(At(2026, 3, 5, 17), resumed.Due);
        Assert.Equal(TimeSpan.FromHours(5), resumed.PausedWorkingTime);
        Assert.Equal(1, resumed.PauseCount);
        Assert.False(resumed.IsPaused);
        Assert.Null(resumed.PausedAt);
        Assert.Equal(At(2026, 3, 2, 10), resumed.StartedAt);
    }

    [Fact]
    public void SecondSupplement_AccumulatesAndCounts()
    {
        var clock = Started()
            .Pause(At(2026, 3, 2, 14)).Resume(Calendar, At(2026, 3, 3, 9), SupplementPolicy.Pause)    // 5 h
            .Pause(At(2026, 3, 6, 16)).Resume(Calendar, At(2026, 3, 9, 8), SupplementPolicy.Pause);   // Fri 1 h + Mon 1 h

        Assert.Equal(2, clock.PauseCount);
        Assert.Equal(TimeSpan.FromHours(7), clock.PausedWorkingTime);
        Assert.Equal(At(2026, 3, 6, 9), clock.Due); // Thu 17:00 + 2 h
    }

    [Fact]
    public void PauseWithoutWorkingTime_KeepsDueAtClose()
    {
        var clock = ProcessingClock.Start(Calendar, At(2026, 3, 5, 7), new TimeLimit(1, TimeLimitUnit.WorkingDays));

        var resumed = clock.Pause(At(2026, 3, 5, 12)).Resume(Calendar, At(2026, 3, 5, 13), SupplementPolicy.Pause);

        Assert.Equal(At(2026, 3, 5, 17), resumed.Due);
        Assert.Equal(TimeSpan.Zero, resumed.PausedWorkingTime);
    }

    [Fact]
    public void RestartPolicy_GivesFullLimitFromResume()
    {
        var resumed = Started().Pause(At(2026, 3, 2, 14)).Resume(Calendar, At(2026, 3, 3, 9), SupplementPolicy.Restart);

        Assert.Equal(At(2026, 3, 6, 9), resumed.Due);
        Assert.Equal(1, resumed.PauseCount);
    }

    [Fact]
    public void RestartPolicy_ResumedOutsideHours_StartsAtNextOpening()
    {
        var resumed = Started().Pause(At(2026, 3, 2, 14)).Resume(Calendar, At(2026, 3, 6, 18), SupplementPolicy.Restart);

        Assert.Equal(At(2026, 3, 11, 17), resumed.Due); // Mon 9 Mar 07:00 + 24 h of working time
    }

    [Fact]
    public void DoublePause_Throws()
    {
        var paused = Started().Pause(At(2026, 3, 2, 14));

        Assert.Throws<InvalidOperationException>(() => paused.Pause(At(2026, 3, 2, 15)));
    }

    [Fact]
    public void ResumeWhenRunning_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Started().Resume(Calendar, At(2026, 3, 3, 9), SupplementPolicy.Pause));

    [Fact]
    public void ResumeBeforePause_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Started().Pause(At(2026, 3, 3, 9)).Resume(Calendar, At(2026, 3, 2, 14), SupplementPolicy.Pause));

    [Fact]
    public void Remaining_WhenOverdue_IsNegative()
    {
        // Due Thu 5 Mar 10:00; at Fri 6 Mar 09:00: Thu 10:00–17:00 (5 h) + Fri 07:00–09:00 (2 h) late.
        Assert.Equal(TimeSpan.FromHours(-7), Started().RemainingWorkingTime(Calendar, At(2026, 3, 6, 9)));
    }

    [Fact]
    public void Remaining_AtStart_IsTheWholeLimit() =>
        Assert.Equal(TimeSpan.FromHours(24), Started().RemainingWorkingTime(Calendar, At(2026, 3, 2, 10)));

    [Fact]
    public void Remaining_WhilePaused_IsFrozenAtPause()
    {
        var paused = Started().Pause(At(2026, 3, 2, 14)); // 10:00–11:30 + 13:30–14:00 = 2 h used of 24

        Assert.Equal(TimeSpan.FromHours(22), paused.RemainingWorkingTime(Calendar, At(2026, 3, 10, 9)));
    }
}
