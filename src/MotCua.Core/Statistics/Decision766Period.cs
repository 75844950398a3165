using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Core.Calendar;

namespace MotCua.Core.Statistics;

/// <summary>A reporting period of Vietnam dates, both inclusive, with its Vietnamese label.</summary>
public sealed partial record Period766(DateOnly From, DateOnly To, string Label)
{
    /// <summary>
    /// Parses <c>yyyy</c> (a year), <c>yyyy-Qn</c> (a quarter), <c>yyyy-MM</c> (a month) or
    /// <c>yyyy-MM-dd..yyyy-MM-dd</c> (any range of Vietnam dates, inclusive). Returns null with a
    /// Vietnamese message for anything else, an inverted range, or one longer than ten years.
    /// </summary>
    public static Period766? Parse(string? text, out string? error)
    {
        error = null;
        var s = text?.Trim() ?? "";
        Match m;
        if ((m = YearPattern().Match(s)).Success && Year(m.Groups[1].Value) is { } y)
            return new Period766(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), $"Năm {y}");
        if ((m = QuarterPattern().Match(s)).Success && Year(m.Groups[1].Value) is { } qy)
        {
            var q = m.Groups[2].Value[0] - '0';
            var first = new DateOnly(qy, (3 * q) - 2, 1);
            return new Period766(first, first.AddMonths(3).AddDays(-1), $"Quý {Roman[q - 1]}/{qy}");
        }
        if ((m = MonthPattern().Match(s)).Success && Year(m.Groups[1].Value) is { } my)
        {
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var first = new DateOnly(my, month, 1);
            return new Period766(first, first.AddMonths(1).AddDays(-1), $"Tháng {month:00}/{my}");
        }
        if ((m = RangePattern().Match(s)).Success
            && IsoDate.TryParse(m.Groups[1].Value, out var from) && IsoDate.TryParse(m.Groups[2].Value, out var to))
        {
            // The period rule of every report (ReportPeriod): the end not before the start, at most ten years.
            return ReportPeriod.Create(from, to, out error, "Kỳ đánh giá") is null ? null : new Period766(from, to, $"Từ {Vn(from)} đến {Vn(to)}");
        }
        error = "Kỳ đánh giá phải có dạng yyyy (năm), yyyy-Qn (quý), yyyy-MM (tháng) hoặc yyyy-MM-dd..yyyy-MM-dd.";
        return null;
    }

    /// <summary>The same dates as a report period: every period <see cref="Parse"/> gives obeys its rule.</summary>
    public ReportPeriod AsReportPeriod() => ReportPeriod.Create(From, To, out var error) ?? throw new InvalidOperationException(error);

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    private static int? Year(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : null;

    private static string Vn(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([0-9]{4})$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^([0-9]{4})-[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^([0-9]{4})-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^([0-9]{4}-[0-9]{2}-[0-9]{2})\.\.([0-9]{4}-[0-9]{2}-[0-9]{2})$")]
    private static partial Regex RangePattern();
}
