using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;

namespace MotCua.Tests.Core.Statistics;

public class Evaluation01Tests
{
    private static readonly DateTime Due = new(2026, 3, 4, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TotalTime_ComparesTheEndWithTheDueMinute_AndNeedsAResult()
    {
        Assert.Equal(2, Evaluation01.TotalTime(Due.AddMinutes(-1), Due));
        Assert.Equal(1, Evaluation01.TotalTime(Due.AddSeconds(59), Due));
        Assert.Equal(0, Evaluation01.TotalTime(Due.AddMinutes(1), Due));
        Assert.Equal(1, Evaluation01.TotalTime(Due, null)); // no appointment: on time, as in Report 06a
        Assert.Null(Evaluation01.TotalTime(null, Due));
    }

    [Fact]
    public void StepTime_AllShorter2_NoneLonger1_AnyLonger0_NoStepNoData()
    {
        var early = new StepTime(Due.AddHours(-1), Due);
        var onTime = new StepTime(Due, Due);
        var late = new StepTime(Due.AddMinutes(1), Due);
        Assert.Equal(2, Evaluation01.StepTime([early, early]));
        Assert.Equal(1, Evaluation01.StepTime([early, onTime]));
        Assert.Equal(0, Evaluation01.StepTime([early, onTime, late]));
        Assert.Null(Evaluation01.StepTime([]));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(5, 0)]
    public void ContactsAndOrganisations_NoneOneMore(int count, int expected)
    {
        Assert.Equal(expected, Evaluation01.Contacts(count));
        Assert.Equal(expected, Evaluation01.Organisations(count));
    }

    [Fact]
    public void Publication_PostedAndElectronic()
    {
        Assert.Equal(2, Evaluation01.Publication(true, true));
        Assert.Equal(1, Evaluation01.Publication(false, true));
        Assert.Equal(1, Evaluation01.Publication(true, false));
        Assert.Equal(0, Evaluation01.Publication(false, false));
    }

    [Fact]
    public void Attitude_EarlyTwo_OnTimeOrLateOne_ComplaintZero_UnsolvedNoData()
    {
        Assert.Equal(2, Evaluation01.Attitude(Due.AddMinutes(-1), Due, false));
        Assert.Equal(1, Evaluation01.Attitude(Due, Due, false));
        Assert.Equal(1, Evaluation01.Attitude(Due.AddDays(1), Due, false));
        Assert.Equal(0, Evaluation01.Attitude(Due.AddMinutes(-1), Due, true));
        Assert.Null(Evaluation01.Attitude(null, Due, false));
    }

    [Theory]
    [InlineData(10, 10, 0.2, EvaluationLevel.ProvinceOrMinistry, 2)]
    [InlineData(10, 10, 0.19, EvaluationLevel.ProvinceOrMinistry, 1)]
    [InlineData(10, 10, 0.5, EvaluationLevel.District, 2)]
    [InlineData(10, 10, 0.49, EvaluationLevel.District, 1)]
    [InlineData(10, 10, 1.0, EvaluationLevel.Commune, 2)]
    [InlineData(10, 10, 0.99, EvaluationLevel.Commune, 1)]
    [InlineData(10, 9, 1.0, EvaluationLevel.Commune, 0)]
    public void OneStop_ThresholdsByLevel(int dossiers, int through, double share, EvaluationLevel level, int expected) =>
        Assert.Equal(expected, Evaluation01.OneStop(dossiers, through, (decimal)share, level));

    [Fact]
    public void OneStop_NoDossier_NoData() => Assert.Null(Evaluation01.OneStop(0, 0, 1, EvaluationLevel.Commune));

    [Theory]
    [InlineData(10, 2, 10, 3, 0, 2)]   // exactly 20 % of procedures and 30 % of dossiers
    [InlineData(10, 1, 10, 3, 0, 1)]   // 30 % online but only 10 % of procedures online
    [InlineData(10, 2, 10, 2, 0, 1)]   // 20 % online: the 15–<30 % band
    [InlineData(20, 2, 20, 3, 0, 1)]   // exactly 15 %
    [InlineData(20, 2, 20, 2, 0, 0)]   // 10 %
    [InlineData(10, 10, 10, 10, 1, 0)] // one late online dossier
    [InlineData(10, 0, 10, 0, 0, 0)]   // no online service
    public void OnlineService_Bands(int procedures, int online, int dossiers, int onlineDossiers, int late, int expected) =>
        Assert.Equal(expected, Evaluation01.OnlineService(procedures, online, dossiers, onlineDossiers, late));

    [Fact]
    public void OnlineService_NoDossier_NoData() => Assert.Null(Evaluation01.OnlineService(10, 5, 0, 0, 0));

    [Theory]
    [InlineData(7, 5, "1.4")]
    [InlineData(29, 20, "1.5")]  // 1.45 rounds half away from zero
    [InlineData(5, 4, "1.3")]    // 1.25 → 1.3, not the banker's 1.2
    [InlineData(1, 3, "0.3")]
    [InlineData(2, 3, "0.7")]
    [InlineData(40, 20, "2.0")]  // always one decimal
    public void Average_RoundsToOneDecimal(long sum, int count, string expected) =>
        Assert.Equal(expected, Evaluation01.Average(sum, count)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Average_WithoutData_IsNull() => Assert.Null(Evaluation01.Average(0, 0));

    [Theory]
    [InlineData("10", "Hoàn thành 100% nhiệm vụ")]
    [InlineData("5", "Hoàn thành 100% nhiệm vụ")]
    [InlineData("4.9", "Hoàn thành từ 70% đến dưới 100%")]
    [InlineData("3.5", "Hoàn thành từ 70% đến dưới 100%")]
    [InlineData("3.4", "Hoàn thành dưới 70%")]
    [InlineData("0", "Hoàn thành dưới 70%")]
    public void OfficerClassification_Boundaries(string total, string expected) =>
        Assert.Equal(expected, Evaluation01.OfficerClassification(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("18", "Xuất sắc")]
    [InlineData("15", "Xuất sắc")]
    [InlineData("14.9", "Tốt")]
    [InlineData("12", "Tốt")]
    [InlineData("11.9", "Khá")]
    [InlineData("9", "Khá")]
    [InlineData("8.9", "Trung bình")]
    [InlineData("6", "Trung bình")]
    [InlineData("5.9", "Yếu")]
    public void AgencyClassification_Boundaries(string total, string expected) =>
        Assert.Equal(expected, Evaluation01.AgencyClassification(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Scorecard_ThreeDossiers_HandComputed()
    {
        var early = new StepTime(Due.AddHours(-2), Due);
        var onTime = new StepTime(Due, Due);
        var card = new Evaluation01Scorecard();
        // Solved early, every step early, no supplement, online and returned online: 2 2 2 2 · 2.
        card.Add(Evaluation01.Score(Facts(Due.AddHours(-1), [early, early], supplements: 0, organisations: 0)));
        // Solved in the due minute, one step on time, one supplement, at the counter: 1 1 1 1 · 1.
        card.Add(Evaluation01.Score(Facts(Due.AddSeconds(30), [early, onTime], supplements: 1, organisations: 1)));
        // Pending: only contacts and organisations have data: – – 0 1 · –.
        card.Add(Evaluation01.Score(Facts(null, [early], supplements: 2, organisations: 1)));

        var officer = card.Indicators(Evaluation01.OfficerIndicators);
        Assert.Equal([1.5m, 1.5m, 1.0m, 1.3m, 1.5m], officer.Select(i => i.Score!.Value)); // 4/3 = 1.33 → 1.3
        Assert.Equal([2, 2, 3, 3, 2], officer.Select(i => i.DossiersWithData));
        var total = ScoreTotal.Of(officer);
        Assert.Equal("6.8", total.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(10, total.MaxReached);
        Assert.Equal(3, card.Dossiers);
        Assert.Equal(1.0m, card.Indicator(6).Score); // electronic publication only
    }

    [Fact]
    public void Scorecard_OfficerExactlyFiveAndThreeAndAHalf()
    {
        var onTime = new StepTime(Due, Due);
        var five = new Evaluation01Scorecard();
        five.Add(Evaluation01.Score(Facts(Due, [onTime], supplements: 1, organisations: 1)));
        var fiveTotal = ScoreTotal.Of(five.Indicators(Evaluation01.OfficerIndicators)).Total;
        Assert.Equal("5.0", fiveTotal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Hoàn thành 100% nhiệm vụ", Evaluation01.OfficerClassification(fiveTotal));

        // Add a late dossier (late step) with two supplements: 0.5 + 0.5 + 0.5 + 1 + 1 = 3.5.
        five.Add(Evaluation01.Score(Facts(Due.AddDays(1), [new StepTime(Due.AddDays(1), Due)], supplements: 2, organisations: 1)));
        var total = ScoreTotal.Of(five.Indicators(Evaluation01.OfficerIndicators)).Total;
        Assert.Equal(3.5m, total);
        Assert.Equal("Hoàn thành từ 70% đến dưới 100%", Evaluation01.OfficerClassification(total));
    }

    [Theory]
    [InlineData(new[] { 2, 2, 2, 2, 2, 1, 2, -1, 2 }, "15", 16, "Xuất sắc")]
    [InlineData(new[] { 2, 2, 1, 1, 2, 1, 2, -1, 1 }, "12", 16, "Tốt")]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, -1, 2 }, "9", 16, "Khá")]
    [InlineData(new[] { 1, 0, 1, 1, 1, 1, 1, -1, 0 }, "6", 16, "Trung bình")]
    [InlineData(new[] { -1, -1, 2, 1, 1, 1, -1, -1, 0 }, "5", 10, "Yếu")]
    public void AgencyTotal_LeavesOutMissingIndicators_AndClassifiesOnTheSum(int[] scores, string expectedTotal, int expectedMax, string expectedClass)
    {
        var indicators = scores.Select((s, i) => new IndicatorScore(i + 1, s < 0 ? null : s, s < 0 ? 0 : 10));
        var total = ScoreTotal.Of(indicators);
        Assert.Equal(decimal.Parse(expectedTotal, System.Globalization.CultureInfo.InvariantCulture), total.Total);
        Assert.Equal(expectedMax, total.MaxReached);
        Assert.Equal(expectedClass, Evaluation01.AgencyClassification(total.Total));
    }

    [Fact]
    public void Scorecard_UnitScores_AndRejectsOutOfRange()
    {
        var card = new Evaluation01Scorecard();
        card.SetUnitScore(9, 1, 40);
        card.SetUnitScore(8, null, 40);
        Assert.Equal(new IndicatorScore(9, 1m, 40), card.Indicator(9));
        Assert.Equal(new IndicatorScore(8, null, 0), card.Indicator(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => card.SetUnitScore(5, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => card.Indicator(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluation01.Contacts(-1));
    }

    [Fact]
    public void Steps_FromHistory_OneTurnPerStepAndDue_PausesMoveTheDue()
    {
        DateTime U(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);
        var calendar = new WorkingCalendar(OfficeHours.Default, []);
        var stepTwoDue = U(3, 2); // Tuesday 09:00 Vietnam time
        var history = new[]
        {
            new StepEvent(U(2, 1), null, null, null),                                           // received at the counter
            new StepEvent(U(2, 2), DossierAction.Forward, null, U(2, 3)),                        // one-stop unit forwards before its deadline
            new StepEvent(U(2, 3), DossierAction.Assign, 1, U(2, 4)),                            // division head assigns: step 1 early
            new StepEvent(U(2, 8), DossierAction.RequestSupplement, 2, stepTwoDue),              // Monday 15:00: paused
            new StepEvent(U(3, 5), DossierAction.SubmitSupplement, 2, stepTwoDue),
            new StepEvent(U(4, 1), DossierAction.ConfirmSupplement, 2, stepTwoDue),              // Wednesday 08:00: resumed
            new StepEvent(U(4, 2, 30), DossierAction.Transfer, 2, stepTwoDue),                   // Wednesday 09:30
            new StepEvent(U(4, 3, 0), DossierAction.Approve, 3, U(4, 3)),                        // leader: in the due minute
            new StepEvent(U(5, 3), DossierAction.Return, null, null),
        };
        var turns = Evaluation01Steps.FromHistory(history, calendar);
        // Paused Mon 15:00–Wed 08:00 = 2 h + 8 h + 1 h = 11 working hours; Tue 09:00 + 11 h = Wed 14:00 (07:00 UTC).
        Assert.Equal(
            [new StepTime(U(2, 2), U(2, 3)), new StepTime(U(2, 3), U(2, 4)), new StepTime(U(4, 2, 30), U(4, 7)), new StepTime(U(4, 3), U(4, 3))],
            turns);
        Assert.Equal(1, Evaluation01.StepTime(turns));

        // Without the confirmation the pause is not counted, and the same step with a new due is a new turn.
        var sentBack = new[]
        {
            new StepEvent(U(2, 3), DossierAction.Transfer, 2, U(2, 4)),
            new StepEvent(U(2, 5), DossierAction.SendBack, 3, U(2, 6)),
            new StepEvent(U(3, 5), DossierAction.Transfer, 2, U(3, 4)),
        };
        Assert.Equal([new StepTime(U(2, 3), U(2, 4)), new StepTime(U(2, 5), U(2, 6)), new StepTime(U(3, 5), U(3, 4))],
            Evaluation01Steps.FromHistory(sentBack, calendar));
        Assert.Equal(0, Evaluation01.StepTime(Evaluation01Steps.FromHistory(sentBack, calendar)));
    }

    [Fact]
    public void Steps_Consultation_AnsweredOrLateOrNotTimed()
    {
        Assert.Equal(new StepTime(Due.AddHours(-1), Due), Evaluation01Steps.Consultation(Due, Due.AddHours(-1), Due.AddDays(2)));
        Assert.Equal(new StepTime(Due.AddDays(2), Due), Evaluation01Steps.Consultation(Due, null, Due.AddDays(2)));
        Assert.Null(Evaluation01Steps.Consultation(Due, null, Due.AddHours(-3)));
    }

    [Fact]
    public void Score_PendingDossier_HasNoStepTimeEvenWithTurns()
    {
        var scores = Evaluation01.Score(Facts(null, [new StepTime(Due.AddDays(1), Due)], supplements: 0, organisations: 0));
        Assert.Equal(new DossierScores(null, null, 2, 2, 1, null), scores);
    }

    private static DossierEvaluationFacts Facts(DateTime? solvedAt, StepTime[] steps, int supplements, int organisations) =>
        new(solvedAt, Due, steps, supplements, organisations, PublishedElectronically: true, PostedAtOffice: false, VerifiedComplaint: false);
}
