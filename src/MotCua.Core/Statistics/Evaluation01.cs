namespace MotCua.Core.Statistics;

/// <summary>Administrative level of an evaluated unit; it sets indicator 5's threshold (Circular 01/2018 art. 13).</summary>
public enum EvaluationLevel { ProvinceOrMinistry, District, Commune }

/// <summary>
/// What indicators 1–4, 6 and 7 need of one dossier. <paramref name="SolvedAt"/> is the end of
/// processing of a dossier solved in the period (status 9/10) and null otherwise: time and attitude
/// are judged only on a result. <paramref name="OrganisationsContacted"/> counts the organisations
/// the applicant had to go to in person.
/// </summary>
public sealed record DossierEvaluationFacts(
    DateTime? SolvedAt,
    DateTime? DueAt,
    IReadOnlyCollection<StepTime> StepTimes,
    int SupplementCount,
    int OrganisationsContacted,
    bool PublishedElectronically,
    bool PostedAtOffice,
    bool VerifiedComplaint);

/// <summary>Scores 0–2 of one dossier; null where the dossier has no data for the indicator.</summary>
public sealed record DossierScores(int? TotalTime, int? StepTime, int Contacts, int Organisations, int Publication, int? Attitude);

/// <summary>
/// The evaluation of one-stop processing of Circular 01/2018/TT-VPCP art. 13–15 (docs/domain/evaluation-01.md):
/// nine indicators scored 2, 1 or 0; indicators 1–4 and 7 per dossier (they make the officer's
/// score), 6 per dossier and unit, 5, 8 and 9 per unit. Pure rules; how MotCua's data feeds them
/// is decided by the caller and written next to it.
/// </summary>
public static class Evaluation01
{
    public const int MaxPerIndicator = 2;

    /// <summary>The indicators that make an officer's score (art. 15): 1, 2, 3, 4 and 7, at most 10 points.</summary>
    public static IReadOnlyList<int> OfficerIndicators { get; } = [1, 2, 3, 4, 7];

    public static IReadOnlyList<int> AllIndicators { get; } = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>The indicator names of the circular's evaluation table.</summary>
    public static string IndicatorName(int number) => number switch
    {
        1 => "Tổng thời gian giải quyết thủ tục hành chính so với quy định của pháp luật",
        2 => "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp)",
        3 => "Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ thủ tục hành chính (kể cả liên hệ theo hình thức trực tuyến)",
        4 => "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính (kể cả liên hệ theo hình thức trực tuyến)",
        5 => "Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa",
        6 => "Công khai các thủ tục hành chính",
        7 => "Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ và giải quyết thủ tục hành chính",
        8 => "Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân",
        9 => "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền",
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "Circular 01/2018 has indicators 1 to 9."),
    };

    public static DossierScores Score(DossierEvaluationFacts facts) => new(
        TotalTime(facts.SolvedAt, facts.DueAt),
        StepTime(facts.SolvedAt is null ? [] : facts.StepTimes),
        Contacts(facts.SupplementCount),
        Organisations(facts.OrganisationsContacted),
        Publication(facts.PostedAtOffice, facts.PublishedElectronically),
        Attitude(facts.SolvedAt, facts.DueAt, facts.VerifiedComplaint));

    /// <summary>Indicator 1: end of processing before the due minute 2, at it 1, after it 0 (Report06a.Timeliness); unsolved → no data.</summary>
    public static int? TotalTime(DateTime? solvedAt, DateTime? due) =>
        solvedAt is { } end ? FromTimeliness(Report06a.Timeliness(end, due)) : null;

    /// <summary>Indicator 2: every participating unit faster than its allotted time 2, none slower 1, any slower 0; no step → no data.</summary>
    public static int? StepTime(IReadOnlyCollection<StepTime> steps)
    {
        if (steps.Count == 0)
            return null;
        var worst = steps.Max(s => Report06a.Timeliness(s.End, s.Due));
        return worst > 0 ? 0 : steps.All(s => Report06a.Timeliness(s.End, s.Due) < 0) ? 2 : 1;
    }

    /// <summary>Indicator 3: contacts to complete the dossier — none 2, one 1, more than one 0.</summary>
    public static int Contacts(int supplementCount) => ByCount(supplementCount);

    /// <summary>Indicator 4: organisations contacted — none 2, only the one-stop unit 1, more than one 0.</summary>
    public static int Organisations(int organisationsContacted) => ByCount(organisationsContacted);

    /// <summary>Indicator 6: published both by posting at the office and electronically 2, one of the two 1, neither 0.</summary>
    public static int Publication(bool postedAtOffice, bool publishedElectronically) =>
        (postedAtOffice ? 1 : 0) + (publishedElectronically ? 1 : 0);

    /// <summary>
    /// Indicator 7: a verified complaint about the officer 0; otherwise early 2, and 1 for on time.
    /// The circular names no score for a late result without a complaint: only a complaint takes
    /// the attitude to 0, so it scores 1. Unsolved → no data (early/on time need an end).
    /// </summary>
    public static int? Attitude(DateTime? solvedAt, DateTime? due, bool verifiedComplaint) =>
        solvedAt is not { } end ? null
        : verifiedComplaint ? 0
        : Report06a.Timeliness(end, due) < 0 ? 2 : 1;

    /// <summary>
    /// Indicator 5 of a unit: every dossier received and returned through the one-stop unit and the
    /// unit itself appraising and approving there a share of its procedures of at least 20 %
    /// (province, ministry), 50 % (district) or 100 % (commune) 2; every dossier through the
    /// one-stop unit 1; fewer 0. No dossier → no data.
    /// </summary>
    public static int? OneStop(int dossiers, int throughOneStop, decimal shareDecidedAtOneStop, EvaluationLevel level)
    {
        if (dossiers == 0)
            return null;
        if (throughOneStop < dossiers)
            return 0;
        var threshold = level switch
        {
            EvaluationLevel.ProvinceOrMinistry => 0.2m,
            EvaluationLevel.District => 0.5m,
            _ => 1m,
        };
        return shareDecidedAtOneStop >= threshold ? 2 : 1;
    }

    /// <summary>
    /// Indicator 9 of a unit. 2: at least 20 % of its procedures online (partly or fully, the old
    /// levels 3–4), online dossiers at least 30 % and no late or overdue online dossier. 1: some
    /// procedure online, online dossiers at least 15 % and no late online dossier (the circular's
    /// band is 15–&lt;30 %; a unit above 30 % that misses the 2-point procedure share lands here
    /// rather than at 0). Otherwise 0. No dossier → no data.
    /// </summary>
    public static int? OnlineService(int procedures, int onlineProcedures, int dossiers, int onlineDossiers, int lateOnlineDossiers)
    {
        if (dossiers == 0)
            return null;
        if (onlineProcedures == 0 || lateOnlineDossiers > 0)
            return 0;
        // Integer cross-multiplication: exact at the 20 %, 30 % and 15 % boundaries.
        if (onlineProcedures * 5 >= procedures && onlineDossiers * 10 >= dossiers * 3)
            return 2;
        return onlineDossiers * 20 >= dossiers * 3 ? 1 : 0;
    }

    /// <summary>
    /// Art. 15: Score_i = Σ scores / number of dossiers with data, rounded to one decimal (half away
    /// from zero, as scores are rounded by hand); none → null. Always carries one decimal (2 → 2.0).
    /// </summary>
    public static decimal? Average(long sum, int count) =>
        count == 0 ? null : Math.Round((decimal)sum / count, 1, MidpointRounding.AwayFromZero) + OneDecimal;

    /// <summary>Adding 0.0 gives a decimal one digit of scale, so every score prints with one decimal.</summary>
    internal const decimal OneDecimal = 0.0m;

    /// <summary>Art. 15 officer classification on the sum of indicators 1, 2, 3, 4 and 7 (at most 10).</summary>
    public static string OfficerClassification(decimal total) =>
        total >= 5m ? "Hoàn thành 100% nhiệm vụ"
        : total >= 3.5m ? "Hoàn thành từ 70% đến dưới 100%"
        : "Hoàn thành dưới 70%";

    /// <summary>Art. 15 agency classification on the sum of the nine indicators (at most 18).</summary>
    public static string AgencyClassification(decimal total) =>
        total >= 15m ? "Xuất sắc"
        : total >= 12m ? "Tốt"
        : total >= 9m ? "Khá"
        : total >= 6m ? "Trung bình"
        : "Yếu";

    private static int FromTimeliness(int timeliness) => timeliness switch
    {
        < 0 => 2,
        0 => 1,
        _ => 0,
    };

    private static int ByCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count switch
        {
            0 => 2,
            1 => 1,
            _ => 0,
        };
    }
}
