namespace MotCua.Core.Calendar;

/// <summary>
/// Days off for civil servants (docs/domain/calendar.md#holidays): a default schedule generated from
/// Labor Code 2019 art. 112 with the Vietnamese lunar calendar, then overridden by each year's
/// official notice (exact Tết days, the day next to 2/9, swapped days).
/// </summary>
public static class HolidaySchedule
{
    public const string NewYearName = "Tết Dương lịch";
    public const string TetName = "Tết Nguyên đán";
    public const string HungKingsName = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";
    public const string VictoryDayName = "Ngày Chiến thắng";
    public const string LabourDayName = "Ngày Quốc tế Lao động";
    public const string NationalDayName = "Quốc khánh";
    public const string NationalDayAdjacentName = "Nghỉ liền kề Quốc khánh";
    public const string CultureDayName = "Ngày Văn hóa Việt Nam";
    public const string CompensatoryPrefix = "Nghỉ bù ";

    /// <summary>First year with Vietnam Culture Day (24/11) as a paid day off (docs/domain/calendar.md#culture-day, medium confidence).</summary>
    public const int CultureDayFirstYear = 2026;

    /// <summary>Default days off of solar <paramref name="year"/>, sorted by date.</summary>
    public static IReadOnlyList<DayOff> DefaultFor(int year)
    {
        if (year < LunarCalendar.MinYear || year > LunarCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Only years 1900 to 2199 are supported.");
        }

        var holidays = new List<DayOff> { Holiday(new DateOnly(year, 1, 1), NewYearName) };

        // Art. 112.1.b: Tết is 5 days; the default is the last day of the old lunar year and
        // 1..4 of the new one. The Prime Minister fixes the real days each year (an override).
        var tet = LunarCalendar.ToSolar(new LunarDate(1, 1, year, false));
        for (var offset = -1; offset <= 3; offset++)
        {
            var day = tet.AddDays(offset);
            if (day.Year == year)
            {
                holidays.Add(Holiday(day, TetName));
            }
        }

        // Art. 112.1.c: Giỗ Tổ on 10/3 lunar — the regular month 3, never a leap month 3.
        holidays.Add(Holiday(LunarCalendar.ToSolar(new LunarDate(10, 3, year, false)), HungKingsName));
        holidays.Add(Holiday(new DateOnly(year, 4, 30), VictoryDayName));
        holidays.Add(Holiday(new DateOnly(year, 5, 1), LabourDayName));
        var nationalDay = new DateOnly(year, 9, 2);
        holidays.Add(Holiday(nationalDay, NationalDayName));
        holidays.Add(Holiday(NationalDayAdjacent(nationalDay), NationalDayAdjacentName));
        if (year >= CultureDayFirstYear)
        {
            // Present by default, awaiting an administrator's confirmation (docs/domain/calendar.md#awaiting-confirmation).
            holidays.Add(new DayOff(new DateOnly(year, 11, 24), CultureDayName, DayOffKind.PublicHoliday, AwaitingConfirmation: true));
        }

        return AddCompensatoryDays(MergeSameDate(holidays)).AsReadOnly();
    }

    /// <summary>
    /// Default days off with the official <paramref name="overrides"/> of <paramref name="year"/> applied,
    /// in order (a later override of the same date wins). Sorted by date.
    /// </summary>
    public static IReadOnlyList<DayOff> EffectiveFor(int year, IEnumerable<CalendarOverride> overrides)
    {
        var days = DefaultFor(year).ToDictionary(static d => d.Date);
        foreach (var change in overrides)
        {
            if (change.Date.Year != year)
            {
                continue;
            }

            if (change.Kind == CalendarOverrideKind.WorkingDay)
            {
                days.Remove(change.Date);
            }
            else if (days.TryGetValue(change.Date, out var existing))
            {
                // The notice confirms a default day off; it keeps its name unless the notice names it.
                days[change.Date] = existing with
                {
                    AwaitingConfirmation = false,
                    Name = string.IsNullOrWhiteSpace(change.Name) ? existing.Name : change.Name,
                };
                ConfirmCompensatoryDayOf(days, existing);
            }
            else
            {
                days[change.Date] = new DayOff(change.Date, change.Name, DayOffKind.ExtraDayOff);
            }
        }

        return days.Values.OrderBy(static d => d.Date).ToList().AsReadOnly();
    }

    /// <summary>
    /// Art. 112.1.d gives 2/9 plus "one day immediately before or after", chosen yearly by the
    /// Prime Minister. This is only the default the administrator overrides each year; it keeps
    /// the break next to a weekend where possible (Mon→3/9, Tue→1/9, Wed→1/9, Thu→3/9, Fri→1/9,
    /// Sat→1/9, Sun→3/9), which matches the notices of 2022–2025.
    /// </summary>
    public static DateOnly NationalDayAdjacent(DateOnly nationalDay) => nationalDay.DayOfWeek switch
    {
        DayOfWeek.Monday or DayOfWeek.Thursday or DayOfWeek.Sunday => nationalDay.AddDays(1),
        _ => nationalDay.AddDays(-1),
    };

    /// <summary>
    /// Labor Code 2019 art. 111.3: a holiday on the weekly day off is compensated on the next
    /// working day — here the next weekday that is not already a day off, in date order.
    /// </summary>
    private static List<DayOff> AddCompensatoryDays(List<DayOff> holidays)
    {
        var taken = holidays.Select(static d => d.Date).ToHashSet();
        var result = new List<DayOff>(holidays);
        foreach (var holiday in holidays)
        {
            if (!IsWeekend(holiday.Date))
            {
                continue;
            }

            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            result.Add(new DayOff(day, CompensatoryPrefix + holiday.Name, DayOffKind.Compensatory, holiday.AwaitingConfirmation));
        }

        result.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    /// <summary>
    /// Two holidays on one date (Giỗ Tổ fell on 30/4 in 1947) give one day off: art. 111.3 only
    /// compensates the weekly day off, not a coinciding holiday.
    /// </summary>
    private static List<DayOff> MergeSameDate(List<DayOff> holidays) =>
        holidays
            .GroupBy(static d => d.Date)
            .OrderBy(static g => g.Key)
            .Select(static g => g.Count() == 1
                ? g.First()
                : g.First() with { Name = string.Join(", ", g.Select(static d => d.Name)), AwaitingConfirmation = g.All(static d => d.AwaitingConfirmation) })
            .ToList();

    /// <summary>Confirming a holiday also confirms the day in lieu it generated.</summary>
    private static void ConfirmCompensatoryDayOf(Dictionary<DateOnly, DayOff> days, DayOff holiday)
    {
        if (!holiday.AwaitingConfirmation)
        {
            return;
        }

        var compensatoryName = CompensatoryPrefix + holiday.Name;
        var match = days.Values.FirstOrDefault(d => d.Kind == DayOffKind.Compensatory && d.AwaitingConfirmation && d.Name == compensatoryName);
        if (match is not null)
        {
            days[match.Date] = match with { AwaitingConfirmation = false };
        }
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DayOff Holiday(DateOnly date, string name) => new(date, name, DayOffKind.PublicHoliday);
}
