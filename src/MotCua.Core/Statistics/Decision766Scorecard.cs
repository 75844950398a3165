namespace MotCua.Core.Statistics;

/// <summary>
/// Turns a unit's counts into the scored indicators of Decision 766, in catalogue order, each with
/// the named inputs of its formula so that the figure can be checked by hand.
/// </summary>
public static class Decision766Scorecard
{
    /// <param name="workingDayHours">Length of a working day (8 h by default, docs/domain/calendar.md#office-hours), for 2.2 in working days.</param>
    /// <param name="computableOnly">Leave out the indicators MotCua cannot compute (they are the same for every unit).</param>
    public static IReadOnlyList<Indicator766Score> Score(Dossier766Counts d, Catalogue766Counts c, decimal workingDayHours, bool computableOnly = false)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        var scores = new List<Indicator766Score>();
        foreach (var indicator in Decision766Indicators.All)
        {
            if (!indicator.Computable)
            {
                if (!computableOnly)
                    scores.Add(Score766.NotComputable(indicator));
                continue;
            }
            scores.Add(indicator.Id switch
            {
                "1.3" => Score766.Score(indicator, Inputs(c.Complete, c.Procedures)),
                "2.1" => Score766.Score(indicator, Inputs(d.OnTime, d.Counted,
                    ("finishedOnTime", d.FinishedOnTime), ("pendingWithinTime", d.PendingWithinTime),
                    ("finishedLate", d.FinishedLate), ("pendingOverdue", d.PendingOverdue),
                    ("receivedInPeriod", d.ReceivedInPeriod), ("carriedIn", d.CarriedIn),
                    ("awaitingSupplement", d.AwaitingSupplement), ("supplementedMoreThanOnce", d.SupplementedMoreThanOnce))),
                "2.2" => AverageTime(indicator, d, workingDayHours),
                "3.1" => Score766.Score(indicator, Inputs(c.Online, c.Procedures, ("fullyOnline", c.FullyOnline), ("partlyOnline", c.PartlyOnline))),
                "3.2" => Score766.Score(indicator, Inputs(c.OnlineUsed, c.Online)),
                "3.3" => Score766.Score(indicator, Inputs(d.OnlineWithElectronicResultWhereRequired, d.ReceivedInPeriod,
                    ("receivedOnline", d.ReceivedOnline), ("receivedInPerson", d.ReceivedInPerson), ("receivedByPost", d.ReceivedByPost), ("syncFactor", 1))),
                "4.1" => Score766.Score(indicator, Inputs(d.SolvedWithElectronicResult, d.SolvedWithDocumentResult, ("solved", d.Solved))),
                "4.2" => Score766.Score(indicator, Inputs(d.Digitised, d.ReceivedInPeriod)),
                "5.4" => Score766.Score(indicator, Inputs(Math.Max(0, d.Counted - d.Late - d.Disliked), d.Counted,
                    ("late", d.Late), ("disliked", d.Disliked), ("rated", d.Rated))),
                _ => throw new InvalidOperationException($"Indicator {indicator.Id} is marked computable but has no formula."),
            });
        }
        return scores;
    }

    private static Indicator766Score AverageTime(Indicator766 indicator, Dossier766Counts d, decimal workingDayHours)
    {
        var totalDays = workingDayHours <= 0 ? 0 : Score766.Round((decimal)d.SolvedWorkingTime.TotalHours / workingDayHours);
        var inputs = Inputs(totalDays, d.Solved);
        return Score766.Monitor(indicator, inputs, d.Solved == 0 ? null : Decision766Dossiers.WorkingDays(d.SolvedWorkingTime, d.Solved, workingDayHours));
    }

    private static Dictionary<string, decimal> Inputs(decimal numerator, decimal denominator, params (string Name, decimal Value)[] more)
    {
        var inputs = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["numerator"] = numerator, ["denominator"] = denominator };
        foreach (var (name, value) in more)
            inputs[name] = value;
        return inputs;
    }
}
