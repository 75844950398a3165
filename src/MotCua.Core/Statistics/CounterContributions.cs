using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

namespace MotCua.Core.Statistics;

/// <summary>The counted quantities of the statistics counters; each is a number of dossiers on a Vietnam day.</summary>
public enum CounterColumn
{
    /// <summary>Received for processing, by reception day (cols 4–6 of Report 06a).</summary>
    Received,
    SolvedEarly,
    SolvedOnTime,
    SolvedLate,
    Withdrawn,
    Stopped,
    /// <summary>Has a due moment, by due day (never before the reception day).</summary>
    DueOpened,
    /// <summary>Has a due moment and has ended, by the later of due day and end day.</summary>
    DueClosed,
    Rated1,
    Rated2,
    Rated3,
    Rated4,
    Rated5,
}

/// <summary>One dossier's statistical facts: the Report 06a fact plus its satisfaction rating (Decree 61/2018 art. 27–32).</summary>
public readonly record struct CounterFact(DossierFact Report, int? Rating, DateTime? RatedAt)
{
    /// <summary>Maps a dossier's status and times to its facts, the one mapping the report and the counters share.</summary>
    public static CounterFact Of(Channel channel, DossierStatus status, DateTime? received, DateTime? due, DateTime? processingEnded, DateTime? ended,
        int? rating = null, DateTime? ratedAt = null) =>
        new(Report06a.FactOf(channel, status, received, due, processingEnded, ended), rating, ratedAt);
}

/// <summary>
/// How one dossier contributes to day counters, so that Report 06a over a period of whole Vietnam
/// days is a difference of prefix sums (docs/adr/0003):
/// <list type="bullet">
/// <item>received before day D = Σ Received over days &lt; D; ended before D = Σ of the five end columns;</item>
/// <item>carried over at F = received before F − ended before F; new and ended in [F, T) = prefix(T) − prefix(F);</item>
/// <item>pending at T = received before T − ended before T; overdue at T = Σ DueOpened − Σ DueClosed over days &lt; T:
/// a dossier is overdue at T exactly when its due day is before T and it has not ended before T.</item>
/// </list>
/// Equal to <see cref="Report06a.Compute"/> for every period of whole days (property-tested).
/// </summary>
public static class CounterContributions
{
    public const int ColumnCount = 13;

    public static void Add(CounterFact fact, Span<CounterContribution> buffer, out int count)
    {
        count = 0;
        var f = fact.Report;
        if (fact.Rating is >= 1 and <= 5 && fact.RatedAt is { } rated)
            buffer[count++] = new CounterContribution(Day(rated), CounterColumn.Rated1 + (fact.Rating.Value - 1));
        if (f.ReceivedAt is not { } received)
            return;
        var receivedDay = Day(received);
        buffer[count++] = new CounterContribution(receivedDay, CounterColumn.Received);
        // An end or due before reception cannot happen in real data; clamping keeps prefix sums non-negative anyway.
        DateOnly? endDay = f.End != EndKind.None && f.EndedAt is { } end ? Max(Day(end), receivedDay) : null;
        if (endDay is { } e)
            buffer[count++] = new CounterContribution(e, EndColumn(f));
        if (f.DueAt is { } due)
        {
            var dueDay = Max(Day(due), receivedDay);
            buffer[count++] = new CounterContribution(dueDay, CounterColumn.DueOpened);
            if (endDay is { } ended)
                buffer[count++] = new CounterContribution(Max(dueDay, ended), CounterColumn.DueClosed);
        }
    }

    /// <summary>The contributions as a list (at most five).</summary>
    public static IReadOnlyList<CounterContribution> Of(CounterFact fact)
    {
        Span<CounterContribution> buffer = stackalloc CounterContribution[MaxPerDossier];
        Add(fact, buffer, out var count);
        return buffer[..count].ToArray();
    }

    public const int MaxPerDossier = 5;

    private static CounterColumn EndColumn(DossierFact f) => f.End switch
    {
        EndKind.Withdrawn => CounterColumn.Withdrawn,
        EndKind.Stopped => CounterColumn.Stopped,
        _ => Report06a.Timeliness(f.EndedAt!.Value, f.DueAt) switch
        {
            < 0 => CounterColumn.SolvedEarly,
            0 => CounterColumn.SolvedOnTime,
            _ => CounterColumn.SolvedLate,
        },
    };

    /// <summary>The Vietnam calendar day of a UTC instant.</summary>
    public static DateOnly Day(DateTime utc) =>
        DateOnly.FromDateTime(VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

public readonly record struct CounterContribution(DateOnly Day, CounterColumn Column);

/// <summary>Sums of the counter columns over a set of days (a prefix: every day before some day).</summary>
public sealed class CounterSums
{
    private readonly long[] _values = new long[CounterContributions.ColumnCount];

    public long this[CounterColumn column]
    {
        get => _values[(int)column];
        set => _values[(int)column] = value;
    }

    /// <summary>Received through the online channel (col 4 needs it apart).</summary>
    public long ReceivedOnline { get; set; }

    public long Ended => this[CounterColumn.SolvedEarly] + this[CounterColumn.SolvedOnTime] + this[CounterColumn.SolvedLate]
        + this[CounterColumn.Withdrawn] + this[CounterColumn.Stopped];

    public void Add(CounterSums other)
    {
        for (var i = 0; i < _values.Length; i++)
            _values[i] += other._values[i];
        ReceivedOnline += other.ReceivedOnline;
    }
}

/// <summary>Report 06a from prefix sums: prefixes at the first day and at the day after the last, split by channel for cols 4–5.</summary>
public static class Report06aFromCounters
{
    public static Report06aFigures Compute(CounterSums beforeFrom, CounterSums beforeTo)
    {
        var newTotal = beforeTo[CounterColumn.Received] - beforeFrom[CounterColumn.Received];
        var newOnline = beforeTo.ReceivedOnline - beforeFrom.ReceivedOnline;
        var pending = beforeTo[CounterColumn.Received] - beforeTo.Ended;
        var overdue = beforeTo[CounterColumn.DueOpened] - beforeTo[CounterColumn.DueClosed];
        long InPeriod(CounterColumn c) => beforeTo[c] - beforeFrom[c];
        return new Report06aFigures(
            checked((int)(beforeFrom[CounterColumn.Received] - beforeFrom.Ended)),
            checked((int)newOnline), checked((int)(newTotal - newOnline)),
            checked((int)InPeriod(CounterColumn.SolvedEarly)), checked((int)InPeriod(CounterColumn.SolvedOnTime)), checked((int)InPeriod(CounterColumn.SolvedLate)),
            checked((int)InPeriod(CounterColumn.Withdrawn)), checked((int)InPeriod(CounterColumn.Stopped)),
            checked((int)(pending - overdue)), checked((int)overdue));
    }
}
