using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;

namespace MotCua.Tests.Core.Statistics;

public class Report06aTests
{
    private static readonly DateTime From = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Columns_FollowTheWrittenConvention()
    {
        DossierFact F(Channel c, string? received, string? due, string? end, EndKind kind) =>
            new(c, P(received), P(due), P(end), kind);
        var facts = new[]
        {
            F(Channel.Online, "2025-12-20 03:00", "2026-01-05 03:00", "2026-01-04 03:00", EndKind.Solved),   // carried, early
            F(Channel.InPerson, "2025-12-01 03:00", "2025-12-05 03:00", "2025-12-04 03:00", EndKind.Solved), // ended before the period: not counted
            F(Channel.Online, "2026-02-02 03:00", "2026-02-05 03:00", "2026-02-05 03:00:59", EndKind.Solved), // on time (same minute)
            F(Channel.Postal, "2026-02-02 03:00", "2026-02-05 03:00", "2026-02-05 03:01", EndKind.Solved),    // late by a minute
            F(Channel.InPerson, "2026-03-01 03:00", "2026-03-04 03:00", "2026-03-02 03:00", EndKind.Withdrawn),
            F(Channel.InPerson, "2026-03-01 03:00", "2026-03-04 03:00", "2026-03-03 03:00", EndKind.Stopped),
            F(Channel.Online, "2026-03-20 03:00", "2026-04-10 03:00", null, EndKind.None),                   // pending within time
            F(Channel.Online, "2026-03-20 03:00", "2026-03-25 03:00", "2026-04-02 03:00", EndKind.Solved),   // pending overdue at period end
            F(Channel.Online, "2026-04-02 03:00", "2026-04-05 03:00", null, EndKind.None),                   // received after: not counted
            F(Channel.Online, null, null, null, EndKind.None),                                               // never received
        };
        var r = Report06a.Compute(facts, From, To);
        Assert.Equal(new Report06aFigures(CarriedOver: 1, NewOnline: 3, NewInPersonOrPostal: 3, SolvedEarly: 1, SolvedOnTime: 1, SolvedLate: 1,
            Withdrawn: 1, Stopped: 1, PendingWithinTime: 1, PendingOverdue: 1), r);
        Assert.True(r.Reconciles);
        Assert.Equal(7, r.Received);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    public void RandomHistories_Reconcile_AndEqualADirectCount(int seed)
    {
        var random = new Random(seed);
        var facts = Enumerable.Range(0, 3000).Select(_ => RandomFact(random)).ToList();
        var from = From.AddDays(random.Next(0, 30));
        var to = from.AddDays(random.Next(1, 120));
        var r = Report06a.Compute(facts, from, to);
        Assert.True(r.Reconciles, r.ToString());

        // Direct counts, written independently of the implementation.
        bool Counted(DossierFact f) => f.ReceivedAt < to && !(f.End != EndKind.None && f.EndedAt < from);
        bool EndedIn(DossierFact f) => f.End != EndKind.None && f.EndedAt >= from && f.EndedAt < to;
        var counted = facts.Where(f => f.ReceivedAt is not null && Counted(f)).ToList();
        Assert.Equal(counted.Count(f => f.ReceivedAt < from), r.CarriedOver);
        Assert.Equal(counted.Count(f => f.ReceivedAt >= from && f.Channel == Channel.Online), r.NewOnline);
        Assert.Equal(counted.Count(f => EndedIn(f) && f.End == EndKind.Withdrawn), r.Withdrawn);
        Assert.Equal(counted.Count(f => EndedIn(f) && f.End == EndKind.Stopped), r.Stopped);
        Assert.Equal(counted.Count(f => EndedIn(f) && f.End == EndKind.Solved), r.Solved);
        Assert.Equal(counted.Count(f => !EndedIn(f) && f.DueAt < to), r.PendingOverdue);
    }

    [Fact]
    public void EmptyOrInvertedPeriod()
    {
        Assert.Equal(Report06aFigures.Zero, Report06a.Compute([], From, To));
        Assert.Throws<ArgumentException>(() => Report06a.Compute([], To, From));
    }

    private static DossierFact RandomFact(Random random)
    {
        var channel = (Channel)random.Next(1, 4);
        if (random.Next(20) == 0)
            return new DossierFact(channel, null, null, null, EndKind.None);
        var received = From.AddDays(-60).AddMinutes(random.Next(0, 200 * 24 * 60));
        var due = random.Next(15) == 0 ? (DateTime?)null : received.AddMinutes(random.Next(60, 20 * 24 * 60));
        var end = random.Next(4) switch
        {
            0 => EndKind.None,
            1 when random.Next(6) == 0 => EndKind.Withdrawn,
            1 when random.Next(6) == 0 => EndKind.Stopped,
            _ => EndKind.Solved,
        };
        DateTime? ended = end == EndKind.None ? null : received.AddMinutes(random.Next(1, 30 * 24 * 60));
        return new DossierFact(channel, received, due, ended, end);
    }

    private static DateTime? P(string? text) => text is null
        ? null
        : DateTime.SpecifyKind(DateTime.ParseExact(text, text.Length > 16 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
