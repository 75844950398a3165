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
    private readonly WorkingCalendar? _calendar;

    public Dossier766Period(DateTime from, DateTime to, DateTime now, WorkingCalendar? calendar)
    {
        if (to <= from)
            throw new ArgumentException("The period must end after it starts.", nameof(to));
        From = from;
        To = to;
        Cutoff = now < to ? now : to;
        _calendar = calendar;
    }

    public DateTime From { get; }
    public DateTime To { get; }
    public DateTime Cutoff { get; }

    public Dossier766Judgement Judge(Dossier766Fact f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var counted = OnTime766.Counts(f, From, To);
        var outcome = counted ? OnTime766.Evaluate(f, Cutoff, _calendar) : default;
        var solved = Decision766Dossiers.IsSolvedIn(f, From, To);
        return new Dossier766Judgement(f, counted, outcome, solved, solved ? Decision766Dossiers.ProcessingTime(f, _calendar) : TimeSpan.Zero);
    }
}

/// <summary>The counts of <see cref="Decision766Dossiers"/> for one unit, added up one judged dossier at a time.</summary>
public sealed class Dossier766Tally(Dossier766Period period)
{
    private int _counted, _received, _carried, _finishedOnTime, _finishedLate, _pendingOnTime, _pendingLate, _awaiting, _twice;
    private int _solved, _online, _onlineOk, _inPerson, _byPost, _documentResults, _electronicResults, _digitised, _disliked, _rated;
    private int _synced, _population;
    private TimeSpan _solvedTime = TimeSpan.Zero;

    public void Add(in Dossier766Judgement j)
    {
        if (!j.Counted)
            return;
        var f = j.Fact;
        _counted++;
        var finished = j.Outcome.Rule == OnTime766Rule.Finished;
        if (finished && j.Outcome.OnTime) _finishedOnTime++;
        else if (finished) _finishedLate++;
        else if (j.Outcome.OnTime) _pendingOnTime++;
        else _pendingLate++;
        if (j.Outcome.Rule == OnTime766Rule.AwaitingSupplement) _awaiting++;
        if (j.Outcome.SupplementedMoreThanOnce) _twice++;
        if (f.Rating is >= 1 and <= 2 && f.RatedAt < period.Cutoff) _disliked++;
        if (f.Rating is not null && f.RatedAt < period.Cutoff) _rated++;

        if (j.Solved)
        {
            _solved++;
            _solvedTime += j.ProcessingTime;
            if (f.ResultIsDocument)
            {
                _documentResults++;
                if (f.HasElectronicResult) _electronicResults++;
            }
        }

        if (f.ReceivedAt < period.From)
        {
            _carried++;
            return;
        }
        _received++;
        var electronicWhereRequired = !f.ResultIsDocument || !f.HasResult || f.HasElectronicResult;
        switch (f.Channel)
        {
            case Channel.Online:
                _online++;
                if (electronicWhereRequired) _onlineOk++;
                break;
            case Channel.Postal: _byPost++; break;
            default: _inPerson++; break;
        }
        if (f.ComponentsDigitised && electronicWhereRequired) _digitised++;
        if (f.SyncedToPortal) _synced++;
        if (f.UsedPopulationData) _population++;
    }

    public Dossier766Counts Counts => new()
    {
        Counted = _counted,
        ReceivedInPeriod = _received,
        CarriedIn = _carried,
        FinishedOnTime = _finishedOnTime,
        FinishedLate = _finishedLate,
        PendingWithinTime = _pendingOnTime,
        PendingOverdue = _pendingLate,
        AwaitingSupplement = _awaiting,
        SupplementedMoreThanOnce = _twice,
        Solved = _solved,
        SolvedWorkingTime = _solvedTime,
        ReceivedOnline = _online,
        OnlineWithElectronicResultWhereRequired = _onlineOk,
        ReceivedInPerson = _inPerson,
        ReceivedByPost = _byPost,
        SolvedWithDocumentResult = _documentResults,
        SolvedWithElectronicResult = _electronicResults,
        Digitised = _digitised,
        Disliked = _disliked,
        Rated = _rated,
        SyncedToPortal = _synced,
        UsedPopulationData = _population,
    };
}

/// <summary>Indicator 2.2 per procedure (monitoring), added up one judged dossier at a time.</summary>
public sealed class ProcessingTime766Tally
{
    private readonly Dictionary<string, (string Name, int Solved, TimeSpan Total)> _byCode = new(StringComparer.Ordinal);

    public void Add(in Dossier766Judgement j)
    {
        if (!j.Solved)
            return;
        var code = j.Fact.ProcedureCode;
        _byCode[code] = _byCode.TryGetValue(code, out var sum)
            ? (sum.Name, sum.Solved + 1, sum.Total + j.ProcessingTime)
            : (j.Fact.ProcedureName, 1, j.ProcessingTime);
    }

    public IReadOnlyList<ProcessingTime766> Result(decimal workingDayHours) =>
        _byCode.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ProcessingTime766(p.Key, p.Value.Name, p.Value.Solved, Decision766Dossiers.WorkingDays(p.Value.Total, p.Value.Solved, workingDayHours)))
            .ToList();
}
