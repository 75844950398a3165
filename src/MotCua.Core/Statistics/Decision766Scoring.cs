namespace MotCua.Core.Statistics;

/// <summary>
/// One indicator's result for a unit: its definition, the named inputs of the formula, the ratio
/// (percent, or working days for 2.2), and the points. Ratio and points are null (N/A) when the
/// denominator is 0 or the indicator cannot be computed from MotCua's data.
/// </summary>
public sealed record Indicator766Score(
    string Id, string Group, string Name, string Formula, string Expression,
    IReadOnlyDictionary<string, decimal> Inputs, decimal? Ratio, string Unit, decimal? Target, decimal Pmax, decimal? Points,
    bool Computable, string? Reason, string? Note);

/// <summary>
/// Decision 766 scoring (docs/domain/decision-766.md#scoring): with a target, <c>points = Pmax if R ≥ target else R × Pmax / target</c>;
/// without one, proportional <c>R × Pmax</c>. Ratios (in percent) and points are rounded to 2
/// decimals, half away from zero; points are computed from the exact ratio, then rounded.
/// A denominator of 0 gives no ratio and no points (N/A), left out of the total.
/// </summary>
public static class Score766
{
    public static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Round(numerator * 100 / denominator);

    public static decimal? Points(decimal numerator, decimal denominator, decimal pmax, decimal? target)
    {
        if (denominator == 0)
            return null;
        var percent = numerator * 100 / denominator;
        if (target is not { } t)
            return Round(percent * pmax / 100);
        return percent >= t ? pmax : Round(percent * pmax / t);
    }

    /// <summary>A scored indicator: inputs must include "numerator" and "denominator".</summary>
    public static Indicator766Score Score(Indicator766 indicator, IReadOnlyDictionary<string, decimal> inputs)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(inputs);
        var numerator = inputs["numerator"];
        var denominator = inputs["denominator"];
        return new Indicator766Score(indicator.Id, indicator.Group, indicator.Name, indicator.Formula, indicator.Expression, inputs,
            Ratio(numerator, denominator), indicator.Unit, indicator.Target, indicator.Pmax, Points(numerator, denominator, indicator.Pmax, indicator.Target),
            true, null, indicator.Note);
    }

    /// <summary>A monitoring indicator (no points): its value is given as is, e.g. an average in working days.</summary>
    public static Indicator766Score Monitor(Indicator766 indicator, IReadOnlyDictionary<string, decimal> inputs, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new Indicator766Score(indicator.Id, indicator.Group, indicator.Name, indicator.Formula, indicator.Expression, inputs,
            value, indicator.Unit, indicator.Target, indicator.Pmax, value is null ? null : 0m, true, null, indicator.Note);
    }

    public static Indicator766Score NotComputable(Indicator766 indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new Indicator766Score(indicator.Id, indicator.Group, indicator.Name, indicator.Formula, indicator.Expression,
            new Dictionary<string, decimal>(), null, indicator.Unit, indicator.Target, indicator.Pmax, null, false, indicator.Reason, indicator.Note);
    }

    /// <summary>Total points and the maximum they are out of: only indicators that have a score (N/A and not computable are left out).</summary>
    public static (decimal Points, decimal MaxPoints) Total(IEnumerable<Indicator766Score> scores)
    {
        var scored = scores.Where(s => s.Computable && s.Points is not null).ToList();
        return (scored.Sum(s => s.Points!.Value), scored.Sum(s => s.Pmax));
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
