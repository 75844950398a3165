using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

namespace MotCua.Tests.Core.Dossiers;

// Decree 61/2018 art. 19.9 on OfficeHours.Default (07:00–11:30, 13:30–17:00, 8 h a day).
// March 2026 has no holidays; 2 March is a Monday, 7–8 March a weekend.
public class ExtensionRuleTests
{
    private static readonly WorkingCalendar Calendar = new(OfficeHours.Default, []);

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0);

    [Fact]
    public void ExactlyOneWorkingDayBefore_FirstExtension_Allowed() =>
        Assert.Empty(ExtensionRule.Check(Calendar, At(4, 10), At(5, 10), At(10, 10), 0));

    [Fact]
    public void OneMinuteShortOfAWorkingDay_Refused()
    {
        // Wed 10:01 → Thu 10:00 is 7 h 59 min of working time.
        var errors = ExtensionRule.Check(Calendar, At(4, 10, 1), At(5, 10), At(10, 10), 0);
        Assert.Single(errors);
        Assert.Contains("01 ngày làm việc", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void FridayAfternoonBeforeMondayDue_CountsWorkingTimeNotCalendarTime()
    {
        // Fri 16:00–17:00 (1 h) + Mon 07:00–11:30 (4.5 h) + 13:30–15:00 (1.5 h) = 7 h < 8 h.
        Assert.Single(ExtensionRule.Check(Calendar, At(6, 16), At(9, 15), At(12, 15), 0));
        // Fri 15:00–17:00 (2 h) + Mon 6 h = 8 h.
        Assert.Empty(ExtensionRule.Check(Calendar, At(6, 15), At(9, 15), At(12, 15), 0));
    }

    [Fact]
    public void RequestedAfterTheDue_Refused() =>
        Assert.Single(ExtensionRule.Check(Calendar, At(6, 9), At(5, 17), At(12, 17), 0));

    [Fact]
    public void SecondExtension_Refused()
    {
        var errors = ExtensionRule.Check(Calendar, At(2, 8), At(10, 17), At(17, 17), 1);
        Assert.Single(errors);
        Assert.Contains("một lần", errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 17)] // same moment
    [InlineData(9, 17)] // earlier
    public void NewDueNotLater_Refused(int day, int hour)
    {
        var errors = ExtensionRule.Check(Calendar, At(2, 8), At(10, 17), At(day, hour), 0);
        Assert.Single(errors);
        Assert.Contains("phải sau", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EverythingWrong_ThreeMessages() =>
        Assert.Equal(3, ExtensionRule.Check(Calendar, At(10, 16), At(10, 17), At(10, 17), 1).Count);

    [Fact]
    public void NegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExtensionRule.Check(Calendar, At(2, 8), At(10, 17), At(17, 17), -1));
}
