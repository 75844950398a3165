using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;

namespace MotCua.Tests.Core.Statistics;

public class OnTime766Tests
{
    // Period 1 Jan – 1 Apr 2026 (UTC for simplicity; the rules do not depend on the zone).
    private static readonly DateTime From = T("2026-01-01 00:00");
    private static readonly DateTime To = T("2026-04-01 00:00");
    private static readonly WorkingCalendar Calendar = new(OfficeHours.Default, []);

    private static Dossier766Fact Received(string received, string? due) => new()
    {
        Status = DossierStatus.Processing,
        Channel = Channel.InPerson,
        ReceivedAt = T(received),
        ClockStartAt = T(received),
        DueAt = due is null ? null : T(due),
        Limit = new TimeLimit(3, TimeLimitUnit.WorkingDays),
    };

    [Fact]
    public void ProcessedAndReturned_TheEndIsStatus9_NotTheLaterReturn()
    {
        var f = Received("2026-02-02 02:00", "2026-02-05 02:00") with
        {
            Status = DossierStatus.Returned,
            ProcessedAt = T("2026-02-05 01:00"),
            ReturnedAt = T("2026-02-10 02:00"),
        };
        var o = OnTime766.Evaluate(f, To, Calendar);
        Assert.True(o.OnTime);
        Assert.Equal(T("2026-02-05 01:00"), o.End);
        Assert.Equal(OnTime766Rule.Finished, o.Rule);
        // The same dossier processed after its due moment is late, whenever it was returned.
        Assert.False(OnTime766.Evaluate(f with { ProcessedAt = T("2026-02-05 02:01") }, To, Calendar).OnTime);
    }

    [Fact]
    public void SameMinuteAsTheDue_IsOnTime_OneMinuteLater_IsLate()
    {
        var f = Received("2026-02-02 02:00", "2026-02-05 02:00") with { Status = DossierStatus.Processed };
        Assert.True(OnTime766.Evaluate(f with { ProcessedAt = T("2026-02-05 02:00").AddSeconds(59) }, To, Calendar).OnTime);
        Assert.False(OnTime766.Evaluate(f with { ProcessedAt = T("2026-02-05 02:01") }, To, Calendar).OnTime);
    }

    [Fact]
    public void WaitingForASupplementNotReturned_EndsAtTheRequest()
    {
        var f = Received("2026-02-02 02:00", "2026-02-05 02:00") with
        {
            Status = DossierStatus.SupplementRequested,
            Supplements = [new(T("2026-02-04 02:00"), null)],
        };
        var o = OnTime766.Evaluate(f, To, Calendar);
        Assert.Equal(OnTime766Rule.AwaitingSupplement, o.Rule);
        Assert.Equal(T("2026-02-04 02:00"), o.End);
        Assert.True(o.OnTime); // months later, still on time: the clock stopped at the request
        // Requested after the due moment: late.
        Assert.False(OnTime766.Evaluate(f with { Supplements = [new(T("2026-02-06 02:00"), null)] }, To, Calendar).OnTime);
        // Stopped later because the applicant never supplemented: still the request time.
        var stopped = f with { Status = DossierStatus.Stopped, EndedAt = T("2026-03-10 02:00") };
        Assert.Equal(T("2026-02-04 02:00"), OnTime766.Evaluate(stopped, To, Calendar).End);
        Assert.True(OnTime766.Evaluate(stopped, To, Calendar).OnTime);
    }

    [Fact]
    public void SupplementReturned_ComparesWithTheDueMomentThatAlreadyMovedForward()
    {
        // Due moved from 5 Feb to 9 Feb by the paused working time (DossierWorkflow.ResumeClock): end 8 Feb is on time, no second subtraction.
        var f = Received("2026-02-02 02:00", "2026-02-09 02:00") with
        {
            Status = DossierStatus.Processed,
            ProcessedAt = T("2026-02-08 02:00"),
            Supplements = [new(T("2026-02-03 02:00"), T("2026-02-05 02:00"))],
        };
        Assert.True(OnTime766.Evaluate(f, To, Calendar).OnTime);
        Assert.False(OnTime766.Evaluate(f with { ProcessedAt = T("2026-02-09 03:00") }, To, Calendar).OnTime);
    }

    [Fact]
    public void TwoSupplements_AreLate_EvenWhenFinishedEarly()
    {
        var f = Received("2026-02-02 02:00", "2026-02-20 02:00") with
        {
            Status = DossierStatus.Processed,
            ProcessedAt = T("2026-02-10 02:00"),
            Supplements = [new(T("2026-02-03 02:00"), T("2026-02-04 02:00")), new(T("2026-02-05 02:00"), T("2026-02-06 02:00"))],
        };
        var o = OnTime766.Evaluate(f, To, Calendar);
        Assert.False(o.OnTime);
        Assert.True(o.SupplementedMoreThanOnce);
        // One supplement only: on time.
        Assert.True(OnTime766.Evaluate(f with { Supplements = f.Supplements.Take(1).ToList() }, To, Calendar).OnTime);
        // A second request after the cut-off does not count yet.
        var pending = f with { Status = DossierStatus.Processing, ProcessedAt = null, DueAt = T("2026-04-20 02:00"), Supplements = [f.Supplements[0], new(T("2026-04-05 02:00"), null)] };
        Assert.True(OnTime766.Evaluate(pending, To, Calendar).OnTime);
    }

    [Fact]
    public void Unfinished_UsesThePeriodEnd()
    {
        var f = Received("2026-03-20 02:00", "2026-03-31 10:00");
        var o = OnTime766.Evaluate(f, To, Calendar);
        Assert.Equal(OnTime766Rule.Pending, o.Rule);
        Assert.Equal(To, o.End);
        Assert.False(o.OnTime); // due 31 Mar, period ends 1 Apr: overdue
        Assert.True(OnTime766.Evaluate(f with { DueAt = T("2026-04-02 02:00") }, To, Calendar).OnTime);
        // Ended after the cut-off: it was not finished at the period end.
        var later = f with { Status = DossierStatus.Processed, ProcessedAt = T("2026-04-01 05:00"), DueAt = T("2026-04-02 02:00") };
        Assert.Equal(OnTime766Rule.Pending, OnTime766.Evaluate(later, To, Calendar).Rule);
    }

    [Fact]
    public void RefusalStopAndWithdrawal_EndTheDossier()
    {
        var f = Received("2026-02-02 02:00", "2026-02-05 02:00");
        foreach (var status in new[] { DossierStatus.Refused, DossierStatus.Stopped, DossierStatus.Withdrawn })
        {
            var early = OnTime766.Evaluate(f with { Status = status, EndedAt = T("2026-02-04 02:00") }, To, Calendar);
            Assert.Equal((OnTime766Rule.Finished, T("2026-02-04 02:00"), true), (early.Rule, early.End, early.OnTime));
            Assert.False(OnTime766.Evaluate(f with { Status = status, EndedAt = T("2026-02-06 02:00") }, To, Calendar).OnTime);
        }
        // Withdrawn before reception: never received, no end, not counted.
        var never = new Dossier766Fact { Status = DossierStatus.Withdrawn, EndedAt = T("2026-02-04 02:00") };
        Assert.Null(OnTime766.EndOfProcessing(never));
        Assert.False(OnTime766.Counts(never, From, To));
    }

    [Fact]
    public void WaitingForPayment_EndsWhenTheClockStopped()
    {
        var f = Received("2026-02-02 02:00", "2026-02-05 02:00") with
        {
            Status = DossierStatus.FinancialObligation,
            PausedForPaymentAt = T("2026-02-04 02:00"),
        };
        Assert.Equal((OnTime766Rule.AwaitingPayment, true), (OnTime766.Evaluate(f, To, Calendar).Rule, OnTime766.Evaluate(f, To, Calendar).OnTime));
    }

    [Fact]
    public void NoAppointment_ComparesWorkingTimeMinusSupplementTime_WithTheLegalLimit()
    {
        // Received Monday 2 Feb 2026 08:00 (+07) = 01:00 UTC; 3 working days = 24 working hours.
        var f = new Dossier766Fact
        {
            Status = DossierStatus.Processed,
            ReceivedAt = T("2026-02-02 01:00"),
            ClockStartAt = T("2026-02-02 01:00"),
            NoAppointment = true,
            Limit = new TimeLimit(3, TimeLimitUnit.WorkingDays),
            ProcessedAt = T("2026-02-05 01:00"), // Thursday 08:00: exactly 24 working hours
        };
        Assert.True(OnTime766.Evaluate(f, To, Calendar).OnTime);
        var late = f with { ProcessedAt = T("2026-02-05 03:00") }; // 26 working hours
        Assert.False(OnTime766.Evaluate(late, To, Calendar).OnTime);
        // A supplement from Tuesday 08:00 to Tuesday 11:00 (3 working hours) is subtracted: 23 hours used.
        Assert.True(OnTime766.Evaluate(late with { Supplements = [new(T("2026-02-03 01:00"), T("2026-02-03 04:00"))] }, To, Calendar).OnTime);
        // Without a calendar or a known limit, MotCua cannot judge: on time.
        Assert.True(OnTime766.Evaluate(late, To, null).OnTime);
        Assert.True(OnTime766.Evaluate(late with { Limit = null }, To, Calendar).OnTime);
    }

    [Fact]
    public void Denominator_IsReceivedBeforeTheEnd_AndNotEndedBeforeTheStart()
    {
        var carried = Received("2025-12-20 02:00", "2026-01-10 02:00");
        Assert.True(OnTime766.Counts(carried, From, To));
        Assert.False(OnTime766.Counts(carried with { Status = DossierStatus.Processed, ProcessedAt = T("2025-12-31 02:00") }, From, To));
        Assert.True(OnTime766.Counts(carried with { Status = DossierStatus.Processed, ProcessedAt = T("2026-01-01 00:00") }, From, To));
        Assert.False(OnTime766.Counts(Received("2026-04-01 00:00", null), From, To));
        Assert.False(OnTime766.Counts(new Dossier766Fact { Status = DossierStatus.Submitted }, From, To));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    public void RandomFacts_NumeratorWithinDenominator_AndEqualToANaiveCount(int seed)
    {
        var random = new Random(seed);
        var facts = Enumerable.Range(0, 2000).Select(_ => RandomFact(random)).ToList();
        var from = From.AddDays(random.Next(0, 30));
        var to = from.AddDays(random.Next(1, 120));
        var now = random.Next(3) == 0 ? to.AddDays(-random.Next(0, 20)) : to.AddDays(10);
        var counts = Decision766Dossiers.Count(facts, from, to, now, Calendar);
        Assert.InRange(counts.OnTime, 0, counts.Counted);
        Assert.Equal(counts.Counted, counts.OnTime + counts.Late);

        // Written independently of the implementation, rule by rule.
        var cutoff = now < to ? now : to;
        int denominator = 0, numerator = 0;
        foreach (var f in facts)
        {
            DateTime? terminal = null;
            if (f.Status is DossierStatus.Processed or DossierStatus.Returned) terminal = f.ProcessedAt;
            if (f.Status is DossierStatus.Stopped or DossierStatus.Refused || (f.Status == DossierStatus.Withdrawn && f.ReceivedAt != null)) terminal = f.EndedAt;
            if (f.ReceivedAt == null || f.ReceivedAt >= to || terminal < from)
                continue;
            denominator++;
            var end = terminal < cutoff ? terminal!.Value : cutoff;
            var before = f.Supplements.Where(s => s.RequestedAt < end).ToList();
            if (before.Count >= 2)
                continue;
            if (before.Count == 1 && (before[0].ReturnedAt == null || before[0].ReturnedAt > end))
                end = before[0].RequestedAt;
            else if (!(terminal < cutoff) && f.PausedForPaymentAt < cutoff)
                end = f.PausedForPaymentAt!.Value;
            var endMinute = end.AddTicks(-(end.Ticks % TimeSpan.TicksPerMinute));
            var dueMinute = f.DueAt?.AddTicks(-(f.DueAt.Value.Ticks % TimeSpan.TicksPerMinute));
            if (dueMinute == null || endMinute <= dueMinute)
                numerator++;
        }
        Assert.Equal(denominator, counts.Counted);
        Assert.Equal(numerator, counts.OnTime);
    }

    private static Dossier766Fact RandomFact(Random random)
    {
        if (random.Next(25) == 0)
            return new Dossier766Fact { Status = DossierStatus.Submitted };
        var received = From.AddDays(-60).AddMinutes(random.Next(0, 200 * 24 * 60));
        var due = received.AddMinutes(random.Next(60, 20 * 24 * 60));
        var status = (DossierStatus)random.Next(2, 11);
        var at = received.AddMinutes(random.Next(1, 30 * 24 * 60));
        var supplements = Enumerable.Range(0, random.Next(6) switch { 0 => 1, 1 => 2, _ => 0 })
            .Select(i => received.AddMinutes(random.Next(1, 10 * 24 * 60) + (i * 15 * 24 * 60)))
            .Select(r => new SupplementSpan(r, random.Next(3) == 0 ? null : r.AddMinutes(random.Next(60, 5 * 24 * 60))))
            .Where(s => s.RequestedAt < at || status is not (DossierStatus.Processed or DossierStatus.Returned))
            .ToList();
        return new Dossier766Fact
        {
            Status = status,
            Channel = (Channel)random.Next(1, 4),
            ReceivedAt = received,
            ClockStartAt = received,
            DueAt = due,
            ProcessedAt = status is DossierStatus.Processed or DossierStatus.Returned ? at : null,
            ReturnedAt = status == DossierStatus.Returned ? at.AddHours(3) : null,
            EndedAt = status is DossierStatus.Refused or DossierStatus.Stopped or DossierStatus.Withdrawn ? at : null,
            PausedForPaymentAt = status == DossierStatus.FinancialObligation ? at : null,
            Supplements = supplements,
        };
    }

    private static DateTime T(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
