using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

namespace MotCua.Tests.Core.Dossiers;

// Due flags (docs/domain/deadlines.md#due-flags): due-soon when at most one working day (8 h) of working time is left.
public class DueFlagsTests
{
    private static readonly WorkingCalendar Calendar = new(OfficeHours.Default, []);

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0);

    [Theory]
    [InlineData(4, 16, 59, DueFlag.None)] // Wed 16:59 → Thu 17:00: 8 h 1 min
    [InlineData(4, 17, 0, DueFlag.DueSoon)] // exactly 8 h: the whole of Thursday
    [InlineData(5, 12, 0, DueFlag.DueSoon)] // lunch: 3.5 h left
    [InlineData(5, 17, 0, DueFlag.DueSoon)] // the due moment itself is not yet late
    [InlineData(5, 17, 1, DueFlag.Overdue)]
    [InlineData(6, 8, 0, DueFlag.Overdue)]
    public void ThursdayCloseDue(int day, int hour, int minute, DueFlag expected) =>
        Assert.Equal(expected, DueFlags.Of(Calendar, At(day, hour, minute), At(5, 17), DossierStatus.Processing));

    [Theory]
    [InlineData(5, 17, 0, DueFlag.None)] // Fri 8 h + Mon 07:00–10:00 3 h = 11 h
    [InlineData(6, 10, 0, DueFlag.DueSoon)] // Fri 1.5 h + 3.5 h + Mon 3 h = 8 h
    [InlineData(7, 12, 0, DueFlag.DueSoon)] // Saturday: Mon 3 h
    [InlineData(9, 10, 1, DueFlag.Overdue)]
    public void MondayMorningDue_WeekendDoesNotCount(int day, int hour, int minute, DueFlag expected) =>
        Assert.Equal(expected, DueFlags.Of(Calendar, At(day, hour, minute), At(9, 10), DossierStatus.Accepted));

    [Theory]
    [InlineData(DossierStatus.Submitted, DueFlag.Overdue)]
    [InlineData(DossierStatus.Accepted, DueFlag.Overdue)]
    [InlineData(DossierStatus.Processing, DueFlag.Overdue)]
    [InlineData(DossierStatus.SupplementRequested, DueFlag.Overdue)]
    [InlineData(DossierStatus.FinancialObligation, DueFlag.Overdue)]
    [InlineData(DossierStatus.Refused, DueFlag.None)]
    [InlineData(DossierStatus.Withdrawn, DueFlag.None)]
    [InlineData(DossierStatus.Stopped, DueFlag.None)]
    [InlineData(DossierStatus.Processed, DueFlag.None)]
    [InlineData(DossierStatus.Returned, DueFlag.None)]
    public void PastDue_FlaggedUnlessTheClockStopped(DossierStatus status, DueFlag expected) =>
        Assert.Equal(expected, DueFlags.Of(Calendar, At(20, 9), At(5, 17), status));

    [Fact]
    public void NoDue_None() =>
        Assert.Equal(DueFlag.None, DueFlags.Of(Calendar, At(20, 9), null, DossierStatus.Processing));

    [Fact]
    public void UtcNow_IsConvertedToVietnamTime()
    {
        // 09:30 UTC is 16:30 in Vietnam: 30 min before a Thursday 17:00 due, not 7.5 hours after it.
        var now = new DateTime(2026, 3, 5, 9, 30, 0, DateTimeKind.Utc);
        Assert.Equal(DueFlag.DueSoon, DueFlags.Of(Calendar, now, At(5, 17), DossierStatus.Processing));
    }
}
