using MotCua.Core.Calendar;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Calendar;

public sealed record LunarDateResponse(int Day, int Month, int Year, bool Leap);
public sealed record SolarDateResponse(string Date);

/// <summary>Vietnamese lunar ↔ solar conversion (computed at UTC+7, docs/domain/calendar.md#lunar-calendar).</summary>
public static class ConvertLunarDates
{
    public static IResult ToLunar(string? date)
    {
        var q = new QueryParsing();
        var solar = q.RequiredDate(date, "date");
        if (solar is { } d && (d.Year < LunarCalendar.MinYear || d.Year > LunarCalendar.MaxYear))
            return Problems.Validation("date", $"Chỉ hỗ trợ các năm từ {LunarCalendar.MinYear} đến {LunarCalendar.MaxYear}.");
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        var lunar = LunarCalendar.FromSolar(solar!.Value);
        return TypedResults.Ok(new LunarDateResponse(lunar.Day, lunar.Month, lunar.Year, lunar.IsLeapMonth));
    }

    public static IResult ToSolar(string? day, string? month, string? year, string? leap)
    {
        var q = new QueryParsing();
        var d = q.RequiredInt(day, "day", 1, 30);
        var m = q.RequiredInt(month, "month", 1, 12);
        var y = q.RequiredInt(year, "year", LunarCalendar.MinYear, LunarCalendar.MaxYear - 1);
        var isLeap = q.Bool(leap, "leap");
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        if (!LunarCalendar.TryToSolar(new LunarDate(d!.Value, m!.Value, y!.Value, isLeap), out var solar))
            return Problems.Validation("day", isLeap
                ? $"Năm âm lịch {y} không có tháng {m} nhuận, hoặc tháng đó không có ngày {d}."
                : $"Tháng {m} năm âm lịch {y} không có ngày {d}.");
        return TypedResults.Ok(new SolarDateResponse(solar.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
