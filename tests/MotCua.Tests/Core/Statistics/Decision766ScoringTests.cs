using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;

namespace MotCua.Tests.Core.Statistics;

public class Decision766ScoringTests
{
    [Fact]
    public void WithATarget_FullPointsAtTheTarget_ProportionalBelow()
    {
        Assert.Equal(2m, Score766.Points(80, 100, 2, 80));
        Assert.Equal(2m, Score766.Points(95, 100, 2, 80));
        // 3.3 at 30 % of a 50 % target: 30 × 6 / 50 = 3.6.
        Assert.Equal(3.6m, Score766.Points(30, 100, 6, 50));
        // 5.4: 85.5 % of a 90 % target: 85.5 × 6 / 90 = 5.7.
        Assert.Equal(5.7m, Score766.Points(855, 1000, 6, 90));
    }

    [Fact]
    public void WithoutATarget_Proportional_RoundedFromTheExactRatio()
    {
        // The example of the office page: 412 / 450 = 91.56 % → 18.31 / 20.
        Assert.Equal(91.56m, Score766.Ratio(412, 450));
        Assert.Equal(18.31m, Score766.Points(412, 450, 20, null));
        // 1 / 3 = 33.33 %; 33.333… × 6 / 100 = 2.00 (rounded from the exact ratio, not from 33.33).
        Assert.Equal(33.33m, Score766.Ratio(1, 3));
        Assert.Equal(2m, Score766.Points(1, 3, 6, null));
        // Half away from zero: 2.5 % of 1 point = 0.025 → 0.03.
        Assert.Equal(0.03m, Score766.Points(25, 1000, 1, null));
    }

    [Fact]
    public void ZeroDenominator_IsNotApplicable_AndLeftOutOfTheTotal()
    {
        Assert.Null(Score766.Ratio(0, 0));
        Assert.Null(Score766.Points(0, 0, 20, null));
        var empty = Decision766Scorecard.Score(new Dossier766Counts(), new Catalogue766Counts(10, 7, 3, 5, 2), 8);
        Assert.All(empty.Where(s => s.Id is "1.4" or "2.1" or "3.3" or "4.1" or "4.2" or "4.5a" or "4.5b" or "5.4"), s => Assert.Null(s.Points));
        var (points, max) = Score766.Total(empty);
        // Only 1.3 (7/10 × 2 = 1.4), 3.1 (8/10 = 80 % → 2) and 3.2 (2/8 × 4 = 1) have a score.
        Assert.Equal(1.4m + 2m + 1m, points);
        Assert.Equal(2m + 2m + 4m, max);
    }

    [Fact]
    public void Scorecard_ShowsEveryIndicator_WithInputs_AndTheNotComputableWithReasons()
    {
        var d = new Dossier766Counts
        {
            Counted = 450,
            ReceivedInPeriod = 400,
            CarriedIn = 50,
            FinishedOnTime = 380,
            PendingWithinTime = 32,
            FinishedLate = 30,
            PendingOverdue = 8,
            ReceivedOnline = 220,
            OnlineWithElectronicResultWhereRequired = 210,
            ReceivedInPerson = 160,
            ReceivedByPost = 20,
            Solved = 410,
            SolvedWithDocumentResult = 400,
            SolvedWithElectronicResult = 100,
            Digitised = 300,
            Disliked = 9,
            Rated = 40,
            SolvedWorkingTime = TimeSpan.FromHours(8 * 410 * 2.5),
        };
        var scores = Decision766Scorecard.Score(d, new Catalogue766Counts(50, 48, 30, 15, 40), 8);
        Assert.Equal(Decision766Indicators.All.Select(i => i.Id), scores.Select(s => s.Id));
        var onTime = scores.Single(s => s.Id == "2.1");
        Assert.Equal((412m, 450m, 91.56m, 18.31m), (onTime.Inputs["numerator"], onTime.Inputs["denominator"], onTime.Ratio, onTime.Points));
        Assert.Equal(2.5m, scores.Single(s => s.Id == "2.2").Ratio);
        Assert.Equal(0m, scores.Single(s => s.Id == "2.2").Points);
        // 5.4 = (450 − 38 late − 9 disliked) / 450 = 89.56 % < 90 % → 89.555… × 6 / 90 = 5.97.
        var satisfaction = scores.Single(s => s.Id == "5.4");
        Assert.Equal((403m, 89.56m, 5.97m), (satisfaction.Inputs["numerator"], satisfaction.Ratio, satisfaction.Points));
        foreach (var id in new[] { "1.1", "1.2", "3.5a", "3.5b", "3.6", "4.3", "4.4", "5.1", "5.2", "5.3" })
        {
            var s = scores.Single(x => x.Id == id);
            Assert.False(s.Computable);
            Assert.Null(s.Points);
            Assert.False(string.IsNullOrWhiteSpace(s.Reason));
        }
        Assert.DoesNotContain(Decision766Scorecard.Score(d, new Catalogue766Counts(0, 0, 0, 0, 0), 8, computableOnly: true), s => !s.Computable);
    }

    [Fact]
    public void Catalogue_GroupMaximaTotal100()
    {
        Assert.Equal(100m, Decision766Indicators.MaxPoints);
        decimal Group(string g) => Decision766Indicators.All.Where(i => i.Group == g).Sum(i => i.Pmax);
        Assert.Equal((18m, 20m, 12m, 10m, 22m, 18m), (Group(Decision766Indicators.Publicity), Group(Decision766Indicators.Progress), Group(Decision766Indicators.Online),
            Group(Decision766Indicators.Payment), Group(Decision766Indicators.Digitisation), Group(Decision766Indicators.Satisfaction)));
        Assert.Equal(Decision766Indicators.All.Count, Decision766Indicators.All.Select(i => i.Id).Distinct().Count());
        Assert.All(Decision766Indicators.All.Where(i => !i.Computable), i => Assert.False(string.IsNullOrWhiteSpace(i.Reason)));
    }

    [Fact]
    public void SyncAndPopulation_ScoreByTheirRules_AndTheSyncRatioScales33()
    {
        var d = new Dossier766Counts
        {
            Counted = 200,
            ReceivedInPeriod = 200,
            ReceivedOnline = 120,
            OnlineWithElectronicResultWhereRequired = 100,
            ReceivedInPerson = 80,
            SyncedToPortal = 150,
            UsedPopulationData = 30,
        };
        var scores = Decision766Scorecard.Score(d, new Catalogue766Counts(10, 10, 2, 6, 4, ForCitizens: 8, ForCitizensUsingPopulation: 2), 8);
        // 1.4 = 150 / 200 = 75 %, no target: 75 × 6 / 100 = 4.5.
        var sync = scores.Single(s => s.Id == "1.4");
        Assert.Equal((150m, 200m, 75m, 4.5m, true), (sync.Inputs["numerator"], sync.Inputs["denominator"], sync.Ratio, sync.Points, sync.Computable));
        // 3.3 = 100 × 0.75 / 200 = 37.5 % of a 50 % target: 37.5 × 6 / 50 = 4.5.
        var online = scores.Single(s => s.Id == "3.3");
        Assert.Equal((0.75m, 37.5m, 4.5m), (online.Inputs["syncFactor"], online.Ratio, online.Points));
        // 4.5a = 2 / 8 procedures for citizens = 25 % × 2 = 0.5; 4.5b = 30 / 200 = 15 % × 2 = 0.3.
        Assert.Equal((25m, 0.5m), (scores.Single(s => s.Id == "4.5a").Ratio, scores.Single(s => s.Id == "4.5a").Points));
        Assert.Equal((15m, 0.3m), (scores.Single(s => s.Id == "4.5b").Ratio, scores.Single(s => s.Id == "4.5b").Points));

        // Nothing received: 1.4's denominator is the previous year's share, so the period scores 0, not N/A.
        var empty = Decision766Scorecard.Score(new Dossier766Counts { PreviousYearShare = 41.67m }, new Catalogue766Counts(0, 0, 0, 0, 0), 8);
        Assert.Equal((41.67m, 0m), (empty.Single(s => s.Id == "1.4").Inputs["denominator"], empty.Single(s => s.Id == "1.4").Points));
        Assert.Null(Decision766Scorecard.Score(new Dossier766Counts(), new Catalogue766Counts(0, 0, 0, 0, 0), 8).Single(s => s.Id == "1.4").Points);
    }

    [Fact]
    public void PreviousYearShare_ByPeriodKind()
    {
        Assert.Equal(1m / 12, MotCua.Web.Features.Statistics.Index766PreviousYear.Factor(Period766.Parse("2026-02", out _)!, 2025));
        Assert.Equal(1m / 4, MotCua.Web.Features.Statistics.Index766PreviousYear.Factor(Period766.Parse("2026-Q3", out _)!, 2025));
        Assert.Equal(1m, MotCua.Web.Features.Statistics.Index766PreviousYear.Factor(Period766.Parse("2026", out _)!, 2025));
        Assert.Equal(73m / 365, MotCua.Web.Features.Statistics.Index766PreviousYear.Factor(Period766.Parse("2026-01-01..2026-03-14", out _)!, 2025));
    }

    [Fact]
    public void CatalogueCounts_OneProcedureOnce_AtItsHighestLevel()
    {
        var c = Decision766Catalogue.Count(
        [
            new(1, OnlineLevel.PartlyOnline, true, false), new(1, OnlineLevel.FullyOnline, true, true), // offered at two agencies
            new(2, OnlineLevel.InformationOnly, false, true), // an online dossier cannot make an information-only procedure "used"
            new(3, OnlineLevel.PartlyOnline, true, false),
        ]);
        Assert.Equal(new Catalogue766Counts(Procedures: 3, Complete: 2, FullyOnline: 1, PartlyOnline: 1, OnlineUsed: 1), c);
    }

    [Fact]
    public void PublishedProcedure_MissingMandatoryParts_AreNamed()
    {
        var complete = new ProcedureDefinition
        {
            Code = "1.000001",
            Name = "Thủ tục mẫu",
            SectorCode = "LV",
            CompetentAgency = "STP",
            ReceivingAgencies = ["TTPVHCC"],
            ApplicantTypes = [ApplicantType.Citizen],
            ResultType = "Giấy chứng nhận",
            Cases = [new ProcedureCase
            {
                Code = "TH01", Name = "Chung", TimeLimit = new TimeLimit(3, TimeLimitUnit.WorkingDays),
                Documents = [new RequiredDocument("Tờ khai", 1, 0, null, true)],
                Process = [new ProcessStep(1, "Tiếp nhận", ProcessRole.Reception, "Receiving", 1)],
            }],
        };
        Assert.Empty(Decision766Catalogue.MissingParts(complete));
        var bare = complete with { ResultType = null, ApplicantTypes = [], Cases = [complete.Cases[0] with { Process = [], Documents = [] }] };
        Assert.Equal(["trình tự thực hiện", "thành phần, số lượng hồ sơ", "đối tượng thực hiện", "kết quả thực hiện"], Decision766Catalogue.MissingParts(bare));
        Assert.True(Decision766Catalogue.ResultIsDocument(complete));
        Assert.False(Decision766Catalogue.ResultIsDocument(bare));
    }

    [Fact]
    public void DossierCounts_OnlineDigitisedAndElectronicResult()
    {
        var from = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddMonths(1);
        Dossier766Fact F(Channel channel, bool result, bool file, bool components) => new()
        {
            Status = result ? DossierStatus.Returned : DossierStatus.Processing,
            Channel = channel,
            ReceivedAt = from.AddDays(2),
            ClockStartAt = from.AddDays(2),
            DueAt = from.AddDays(5),
            ProcessedAt = result ? from.AddDays(4) : null,
            ResultIsDocument = true,
            HasElectronicResult = file,
            ComponentsDigitised = components,
        };
        var counts = Decision766Dossiers.Count(
        [
            F(Channel.Online, true, true, true),     // online, e-result, digitised
            F(Channel.Online, true, false, true),    // online but paper result only: not online for 3.3, not digitised for 4.2
            F(Channel.Online, false, false, true),   // online, no result yet: counts
            F(Channel.InPerson, true, true, false),  // e-result, components on paper
            F(Channel.Postal, false, false, false),
        ], from, to, to.AddDays(1), null);
        Assert.Equal((5, 3, 2, 1, 1), (counts.ReceivedInPeriod, counts.ReceivedOnline, counts.OnlineWithElectronicResultWhereRequired, counts.ReceivedInPerson, counts.ReceivedByPost));
        Assert.Equal((3, 2), (counts.SolvedWithDocumentResult, counts.SolvedWithElectronicResult));
        Assert.Equal(2, counts.Digitised);
    }
}
