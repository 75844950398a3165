namespace MotCua.Core.Calendar;

/// <summary>A date of the Vietnamese (or, at UTC+8, Chinese) lunisolar calendar.</summary>
/// <param name="Day">Day of the lunar month, 1..30.</param>
/// <param name="Month">Lunar month number, 1..12; a leap month repeats the number of the month before it.</param>
/// <param name="Year">Lunar year, named after the solar year in which its month 1 begins.</param>
/// <param name="IsLeapMonth">True for the intercalary (nhuận) month.</param>
public readonly record struct LunarDate(int Day, int Month, int Year, bool IsLeapMonth);
