using System.Globalization;
using MotCua.Core.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// The Decision 766 index in a leader's words: each indicator as "412 of 450 dossiers were handled
/// on time" with its points, and the score as a share of the points that can be computed, since
/// indicators that need systems MotCua is not yet connected to are left out (the maximum is then
/// below 100; Decision 766/QĐ-TTg scores the full set of 100).
/// </summary>
public static class Index766Words
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>What the numerator and the denominator of each computable indicator count.</summary>
    private static readonly Dictionary<string, (string Short, string Sentence)> Plain = new(StringComparer.Ordinal)
    {
        ["1.4"] = ("Đồng bộ DVCQG", "{0} trên {1} hồ sơ tiếp nhận trong kỳ đã có trên Cổng Dịch vụ công quốc gia"),
        ["1.3"] = ("Công khai đủ", "{0} trên {1} thủ tục đang công khai có đủ các bộ phận (trình tự, hồ sơ, thời hạn, phí…)"),
        ["2.1"] = ("Đúng hạn", "{0} trên {1} hồ sơ được giải quyết đúng hạn hoặc đang còn trong hạn"),
        ["2.2"] = ("Thời gian TB", "trung bình {2} ngày làm việc để giải quyết xong một hồ sơ ({1} hồ sơ)"),
        ["3.1"] = ("Có DVC trực tuyến", "{0} trên {1} thủ tục có dịch vụ công trực tuyến"),
        ["3.2"] = ("DVC có hồ sơ", "{0} trên {1} dịch vụ công trực tuyến có người nộp hồ sơ trong kỳ"),
        ["3.3"] = ("Nộp trực tuyến", "{0} trên {1} hồ sơ được nộp trực tuyến"),
        ["4.1"] = ("Kết quả điện tử", "{0} trên {1} hồ sơ giải quyết xong có kết quả điện tử"),
        ["4.2"] = ("Số hóa hồ sơ", "{0} trên {1} hồ sơ được số hóa đầy đủ thành phần"),
        ["4.5a"] = ("TTHC dùng CSDL dân cư", "{0} trên {1} thủ tục cho công dân có hồ sơ dùng dữ liệu CSDL quốc gia về dân cư"),
        ["4.5b"] = ("Hồ sơ dùng CSDL dân cư", "{0} trên {1} hồ sơ tiếp nhận trong kỳ dùng dữ liệu CSDL quốc gia về dân cư"),
        ["5.4"] = ("Hài lòng", "{0} trên {1} hồ sơ không quá hạn và không bị đánh giá không hài lòng"),
    };

    public static string Short(string id) => Plain.TryGetValue(id, out var p) ? p.Short : id;

    /// <summary>"412 trên 450 hồ sơ được giải quyết đúng hạn hoặc đang còn trong hạn (91,56%)".</summary>
    public static string Sentence(Indicator766Score s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var numerator = Index766Display.Count(s.Inputs.GetValueOrDefault("numerator"));
        var denominator = Index766Display.Count(s.Inputs.GetValueOrDefault("denominator"));
        if (s.Ratio is not { } ratio)
            return $"Không có số liệu trong kỳ ({s.Name.ToLower(Vietnamese)}): chỉ số không áp dụng.";
        var sentence = Plain.TryGetValue(s.Id, out var p) ? p.Sentence : s.Name + ": {0} / {1}";
        var text = string.Format(Vietnamese, sentence, numerator, denominator, Index766Display.Fixed(ratio));
        text = char.ToUpper(text[0], Vietnamese) + text[1..];
        return s.Unit == "%" ? $"{text} ({Index766Display.Fixed(ratio)}%)." : text + ".";
    }

    /// <summary>Against the target, in words: "đạt mục tiêu 80%" or "chưa đạt mục tiêu 80% (còn thiếu 5,2 điểm phần trăm)".</summary>
    public static string? Target(Indicator766Score s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Target is not { } target || s.Ratio is not { } ratio)
            return null;
        return ratio >= target ? $"Đạt mục tiêu {Index766Display.Max(target)}%." : $"Chưa đạt mục tiêu {Index766Display.Max(target)}% (còn thiếu {Index766Display.Fixed(target - ratio)} điểm phần trăm).";
    }

    /// <summary>Share of the computable points reached, in percent (null when nothing could be scored).</summary>
    public static decimal? Share(decimal points, decimal max) => max > 0 ? Math.Round(points * 100 / max, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// A word for a share, with the page's own bands (not an official classification): at least 90%
    /// good, 70% fair, 50% average, below that to improve.
    /// </summary>
    public static (string Word, string Css) Band(decimal? share) => share switch
    {
        null => ("chưa có số liệu", "band-fair"),
        >= 90 => ("Tốt", "band-good"),
        >= 70 => ("Khá", "band-good"),
        >= 50 => ("Trung bình", "band-fair"),
        _ => ("Cần cải thiện", "band-poor"),
    };

    public static string Percent(decimal? share) => share is { } v ? v.ToString("0.#", Vietnamese) + "%" : "—";
}
