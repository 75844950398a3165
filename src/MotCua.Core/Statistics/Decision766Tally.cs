using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

namespace MotCua.Core.Statistics;

/// <summary>One dossier judged once for a period: what it adds to the counts of every unit it belongs to.</summary>
public readonly record struct Dossier766Judgement(Dossier766Fact Fact, bool Counted, OnTime766Outcome Outcome, bool Solved, TimeSpan ProcessingTime);

/// <summary>
/// A period [from, to) (UTC) of the Decision 766 dossier indicators, with "now" capping the cut-off
/// of unfinished dossiers. <see cref="Judge"/> does the per-dossier work — the 2.1 verdict and the
/// working time of 2.2, both walks over the working calendar — once, so that a dossier streamed from
/// the database can be added to the province's, its agency's and its procedure's tallies without
/// keeping it in memory.
/// </summary>
public sealed class Dossier766Period
{
    private readonly WorkingCalendar? calendar;

    public Dossier766Period(DateTime from, DateTime to, DateTime now, WorkingCalendar? calendar)
    {
        if (to <= from)
            throw new ArgumentException("The period must end after it starts.", nameof(to));
        From = from;
        To = to;
        Cutoff = now < to ? now : to;
        this.calendar = calendar;
    }

    public DateTime From { get; }
    public DateTime To { get; }
    public DateTime Cutoff { get; }

    public Dossier766Judgement Judge(Dossier766Fact f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var counted = OnTime766.Counts(f, From, To);
        var outcome = counted ? OnTime766.Evaluate(f, Cutoff, calendar) : default;
        var solved = Decision766Dossiers.IsSolvedIn(f, From, To);
        return new Dossier766Judgement(f, counted, outcome, solved, solved ? Decision766Dossiers.ProcessingTime(f, calendar) : TimeSpan.Zero);
    }
}

/// <summary>The counts of <see cref="Decision766Dossiers"/> for one unit, added up one judged dossier at a time.</summary>
public sealed class Dossier766Tally(Dossier766Period period)
{
    private int counted, received, carried, finishedOnTime, finishedLate, pendingOnTime, pendingLate, awaiting, twice;
    private int solved, online, onlineOk, inPerson, byPost, documentResults, electronicResults, digitised, disliked, rated;
    private TimeSpan solvedTime = TimeSpan.Zero;

    public void Add(in Dossier766Judgement j)
    {
        if (!j.Counted)
            return;
        var f = j.Fact;
        counted++;
        var finished = j.Outcome.Rule == OnTime766Rule.Finished;
        if (finished && j.Outcome.OnTime) finishedOnTime++;
        else if (finished) finishedLate++;
        else if (j.Outcome.OnTime) pendingOnTime++;
        else pendingLate++;
        if (j.Outcome.Rule == OnTime766Rule.AwaitingSupplement) awaiting++;
        if (j.Outcome.SupplementedMoreThanOnce) twice++;
        if (f.Rating is >= 1 and <= 2 && f.RatedAt < period.Cutoff) disliked++;
        if (f.Rating is not null && f.RatedAt < period.Cutoff) rated++;

        if (j.Solved)
        {
            solved++;
            solvedTime += j.ProcessingTime;
            if (f.ResultIsDocument)
            {
                documentResults++;
                if (f.HasElectronicResult) electronicResults++;
            }
        }

        if (f.ReceivedAt < period.From)
        {
            carried++;
            return;
        }
        received++;
        var electronicWhereRequired = !f.ResultIsDocument || !f.HasResult || f.HasElectronicResult;
        switch (f.Channel)
        {
            case Channel.Online:
                online++;
                if (electronicWhereRequired) onlineOk++;
                break;
            case Channel.Postal: byPost++; break;
            default: inPerson++; break;
        }
        if (f.ComponentsDigitised && electronicWhereRequired) digitised++;
    }

    public Dossier766Counts Counts => new()
    {
        Counted = counted,
        ReceivedInPeriod = received,
        CarriedIn = carried,
        FinishedOnTime = finishedOnTime,
        FinishedLate = finishedLate,
        PendingWithinTime = pendingOnTime,
        PendingOverdue = pendingLate,
        AwaitingSupplement = awaiting,
        SupplementedMoreThanOnce = twice,
        Solved = solved,
        SolvedWorkingTime = solvedTime,
        ReceivedOnline = online,
        OnlineWithElectronicResultWhereRequired = onlineOk,
        ReceivedInPerson = inPerson,
        ReceivedByPost = byPost,
        SolvedWithDocumentResult = documentResults,
        SolvedWithElectronicResult = electronicResults,
        Digitised = digitised,
        Disliked = disliked,
        Rated = rated,
    };
}

/// <summary>Indicator 2.2 per procedure (monitoring), added up one judged dossier at a time.</summary>
public sealed class ProcessingTime766Tally
{
    private readonly Dictionary<string, (string Name, int Solved, TimeSpan Total)> byCode = new(StringComparer.Ordinal);

    public void Add(in Dossier766Judgement j)
    {
        if (!j.Solved)
            return;
        var code = j.Fact.ProcedureCode;
        byCode[code] = byCode.TryGetValue(code, out var sum)
            ? (sum.Name, sum.Solved + 1, sum.Total + j.ProcessingTime)
            : (j.Fact.ProcedureName, 1, j.ProcessingTime);
    }

    public IReadOnlyList<ProcessingTime766> Result(decimal workingDayHours) =>
        byCode.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ProcessingTime766(p.Key, p.Value.Name, p.Value.Solved, Decision766Dossiers.WorkingDays(p.Value.Total, p.Value.Solved, workingDayHours)))
            .ToList();
}
