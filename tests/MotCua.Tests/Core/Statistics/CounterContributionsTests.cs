using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;

namespace MotCua.Tests.Core.Statistics;

public class CounterContributionsTests
{
    private static readonly DateOnly Origin = new(2025, 10, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(99)]
    [InlineData(2026)]
    public void PrefixSums_GiveReport06a_ForEveryPeriodOfWholeDays(int seed)
    {
        var random = new Random(seed);
        var facts = Enumerable.Range(0, 2000).Select(_ => RandomFact(random)).ToList();
        var contributions = facts.Select(f => (f, CounterContributions.Of(new CounterFact(f, null, null)))).ToList();
        CounterSums Prefix(DateOnly before)
        {
            var sums = new CounterSums();
            foreach (var (fact, list) in contributions)
                foreach (var c in list.Where(c => c.Day < before))
                {
                    sums[c.Column]++;
                    if (c.Column == CounterColumn.Received && fact.Channel == Channel.Online)
                        sums.ReceivedOnline++;
                }
            return sums;
        }
        for (var i = 0; i < 25; i++)
        {
            var from = Origin.AddDays(random.Next(-30, 200));
            var to = from.AddDays(random.Next(0, 90));
            var expected = Report06a.Compute(facts, Utc(from), Utc(to.AddDays(1)));
            var actual = Report06aFromCounters.Compute(Prefix(from), Prefix(to.AddDays(1)));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Contributions_UseVietnamDays_AndTheLaterOfDueAndEndForClosing()
    {
        // Received 2026-03-01 23:30 +07 = 16:30 UTC: Vietnam day 1 March. Due 5 March, ended late on 9 March.
        var fact = new DossierFact(Channel.Online, new DateTime(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 5, 3, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 3, 8, 17, 30, 0, DateTimeKind.Utc), EndKind.Solved);
        var list = CounterContributions.Of(new CounterFact(fact, 4, new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(
            [
                new CounterContribution(new DateOnly(2026, 3, 10), CounterColumn.Rated4),
                new CounterContribution(new DateOnly(2026, 3, 1), CounterColumn.Received),
                new CounterContribution(new DateOnly(2026, 3, 9), CounterColumn.SolvedLate),
                new CounterContribution(new DateOnly(2026, 3, 5), CounterColumn.DueOpened),
                new CounterContribution(new DateOnly(2026, 3, 9), CounterColumn.DueClosed),
            ], list);
        // Never received (status 1, refused at reception): only a rating could count, and there is none.
        Assert.Empty(CounterContributions.Of(new CounterFact(new DossierFact(Channel.Online, null, null, null, EndKind.None), null, null)));
    }

    private static DateTime Utc(DateOnly vietnamDay) => VietnamTime.ToOffset(vietnamDay.ToDateTime(TimeOnly.MinValue)).UtcDateTime;

    private static DossierFact RandomFact(Random random)
    {
        var channel = (Channel)random.Next(1, 4);
        if (random.Next(20) == 0)
            return new DossierFact(channel, null, null, null, EndKind.None);
        var received = Utc(Origin).AddMinutes(random.Next(-60 * 24 * 60, 200 * 24 * 60));
        var due = random.Next(15) == 0 ? (DateTime?)null : received.AddMinutes(random.Next(60, 20 * 24 * 60));
        var end = random.Next(4) switch
        {
            0 => EndKind.None,
            1 when random.Next(3) == 0 => EndKind.Withdrawn,
            1 when random.Next(2) == 0 => EndKind.Stopped,
            _ => EndKind.Solved,
        };
        // Some ends land in the very minute of the due moment (on time), some a few seconds after.
        DateTime? ended = end == EndKind.None ? null
            : due is { } d && random.Next(8) == 0 ? d.AddSeconds(random.Next(0, 120))
            : received.AddMinutes(random.Next(1, 30 * 24 * 60));
        return new DossierFact(channel, received, due, ended, end);
    }
}
