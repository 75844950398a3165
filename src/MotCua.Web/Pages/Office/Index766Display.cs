using System.Globalization;
using MotCua.Core.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// How the Decision 766 page writes figures: Vietnamese number format (comma decimal, dot
/// thousands), and each indicator as "2.1 = (đúng hạn + đang trong hạn) / tiếp nhận = 412 / 450 =
/// 91,56% → 18,31/20 điểm" so the score can be checked by hand.
/// </summary>
public static class Index766Display
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Names of the extra inputs of the formulas, as the page shows them.</summary>
    private static readonly Dictionary<string, string> InputNames = new(StringComparer.Ordinal)
    {
        ["finishedOnTime"] = "đã giải quyết trước hạn, đúng hạn",
        ["pendingWithinTime"] = "đang giải quyết trong hạn",
        ["finishedLate"] = "đã giải quyết quá hạn",
        ["pendingOverdue"] = "đang giải quyết quá hạn",
        ["receivedInPeriod"] = "tiếp nhận trong kỳ",
        ["carriedIn"] = "kỳ trước chuyển sang",
        ["awaitingSupplement"] = "chờ bổ sung (tính đến lúc yêu cầu)",
        ["supplementedMoreThanOnce"] = "bổ sung quá một lần",
        ["fullyOnline"] = "toàn trình",
        ["partlyOnline"] = "một phần",
        ["receivedOnline"] = "nộp trực tuyến",
        ["receivedInPerson"] = "nộp trực tiếp",
        ["receivedByPost"] = "nộp qua bưu chính",
        ["syncFactor"] = "hệ số đồng bộ",
        ["onlineWithElectronicResult"] = "trực tuyến có kết quả điện tử khi cần",
        ["previousYearShare"] = "mẫu số thay thế từ năm trước",
        ["solved"] = "giải quyết xong",
        ["late"] = "quá hạn",
        ["disliked"] = "không hài lòng",
        ["rated"] = "đã đánh giá",
    };

    public static string Count(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("#,##0", Vietnamese) : value.ToString("#,##0.##", Vietnamese);

    /// <summary>Points and ratios: two decimals (18,31).</summary>
    public static string Fixed(decimal? value) => value is { } v ? v.ToString("#,##0.00", Vietnamese) : "—";

    /// <summary>An ISO-8601 UTC instant of the API, in Vietnam time.</summary>
    public static string Moment(string isoUtc) =>
        DateTimeOffset.TryParse(isoUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToOffset(Core.Calendar.VietnamTime.Offset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) : isoUtc;

    public static string Max(decimal value) => value.ToString("#,##0.##", Vietnamese);

    public static string Computation(Indicator766Score s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var head = $"{s.Id} = {s.Expression} = {Count(s.Inputs["numerator"])} / {Count(s.Inputs["denominator"])}";
        if (s.Ratio is not { } ratio)
            return head + " → không áp dụng (mẫu số bằng 0)";
        if (s.Pmax == 0)
            return $"{head} = {Fixed(ratio)} {s.Unit} (theo dõi, không tính điểm)";
        var target = s.Target is { } t ? $" (mục tiêu {Max(t)}%)" : "";
        return $"{head} = {Fixed(ratio)}%{target} → {Fixed(s.Points)}/{Max(s.Pmax)} điểm";
    }

    /// <summary>The other named inputs, e.g. "tiếp nhận trong kỳ 400 · kỳ trước chuyển sang 50".</summary>
    public static string Details(Indicator766Score s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Join(" · ", s.Inputs.Where(i => i.Key is not ("numerator" or "denominator"))
            .Select(i => $"{InputNames.GetValueOrDefault(i.Key, i.Key)} {Count(i.Value)}"));
    }
}
