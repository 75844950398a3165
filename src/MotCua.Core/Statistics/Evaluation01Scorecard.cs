namespace MotCua.Core.Statistics;

/// <summary>One indicator of an evaluated unit or officer: the art. 15 score (null when no dossier has data) and its basis.</summary>
public sealed record IndicatorScore(int Number, decimal? Score, int DossiersWithData);

/// <summary>
/// The sum that classifies (art. 15) over the indicators that have data, and the maximum those
/// indicators could reach. Indicators without data are left out, as the circular says, and the
/// classification is made on the sum against the circular's fixed thresholds — not rescaled — so
/// a unit with fewer indicators cannot reach a class its missing points would be needed for;
/// <see cref="MaxReached"/> shows the reader how many points were at stake.
/// </summary>
public sealed record ScoreTotal(decimal Total, int MaxReached)
{
    public static ScoreTotal Of(IEnumerable<IndicatorScore> indicators)
    {
        var present = indicators.Where(i => i.Score is not null).ToList();
        return new ScoreTotal(present.Sum(i => i.Score!.Value) + Evaluation01.OneDecimal, present.Count * Evaluation01.MaxPerIndicator);
    }
}

/// <summary>
/// Running sums of the per-dossier scores of one agency or officer, plus the unit-level scores
/// (5, 8, 9) set once. Constant memory whatever the number of dossiers.
/// </summary>
public sealed class Evaluation01Scorecard
{
    private readonly long[] _sum = new long[10];
    private readonly int[] _count = new int[10];
    private readonly (int? Score, int Basis)?[] _unit = new (int?, int)?[10];

    public int Dossiers { get; private set; }

    /// <summary>Adds one dossier's scores; the officer's card simply ignores indicator 6 when reading.</summary>
    public void Add(DossierScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Dossiers++;
        Add(1, scores.TotalTime);
        Add(2, scores.StepTime);
        Add(3, scores.Contacts);
        Add(4, scores.Organisations);
        Add(6, scores.Publication);
        Add(7, scores.Attitude);
    }

    /// <summary>A unit-level indicator (5, 8, 9): its score and the number of dossiers it was judged on.</summary>
    public void SetUnitScore(int number, int? score, int basis)
    {
        Check(number, score);
        _unit[number] = (score, score is null ? 0 : basis);
    }

    public IndicatorScore Indicator(int number)
    {
        Check(number, null);
        return _unit[number] is { } unit
            ? new IndicatorScore(number, unit.Score, unit.Basis)
            : new IndicatorScore(number, Evaluation01.Average(_sum[number], _count[number]), _count[number]);
    }

    public IReadOnlyList<IndicatorScore> Indicators(IEnumerable<int> numbers) => numbers.Select(Indicator).ToArray();

    private void Add(int number, int? score)
    {
        Check(number, score);
        if (score is not { } s)
            return;
        _sum[number] += s;
        _count[number]++;
    }

    private static void Check(int number, int? score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9);
        if (score is < 0 or > Evaluation01.MaxPerIndicator)
            throw new ArgumentOutOfRangeException(nameof(score), score, "An indicator scores 0, 1 or 2.");
    }
}
