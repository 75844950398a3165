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
                "1.4" => Score766.Score(indicator, Inputs(d.SyncedToPortal, SyncDenominator(d),
                    ("receivedInPeriod", d.ReceivedInPeriod), ("previousYearShare", d.PreviousYearShare))),
                "2.1" => Score766.Score(indicator, Inputs(d.OnTime, d.Counted,
                    ("finishedOnTime", d.FinishedOnTime), ("pendingWithinTime", d.PendingWithinTime),
                    ("finishedLate", d.FinishedLate), ("pendingOverdue", d.PendingOverdue),
                    ("receivedInPeriod", d.ReceivedInPeriod), ("carriedIn", d.CarriedIn),
                    ("awaitingSupplement", d.AwaitingSupplement), ("supplementedMoreThanOnce", d.SupplementedMoreThanOnce))),
                "2.2" => AverageTime(indicator, d, workingDayHours),
                "3.1" => Score766.Score(indicator, Inputs(c.Online, c.Procedures, ("fullyOnline", c.FullyOnline), ("partlyOnline", c.PartlyOnline))),
                "3.2" => Score766.Score(indicator, Inputs(c.OnlineUsed, c.Online)),
                "3.3" => Score766.Score(indicator, Inputs(d.OnlineWithElectronicResultWhereRequired * SyncFactor(d), d.ReceivedInPeriod,
                    ("onlineWithElectronicResult", d.OnlineWithElectronicResultWhereRequired), ("receivedOnline", d.ReceivedOnline),
                    ("receivedInPerson", d.ReceivedInPerson), ("receivedByPost", d.ReceivedByPost), ("syncFactor", SyncFactor(d)))),
                "4.1" => Score766.Score(indicator, Inputs(d.SolvedWithElectronicResult, d.SolvedWithDocumentResult, ("solved", d.Solved))),
                "4.2" => Score766.Score(indicator, Inputs(d.Digitised, d.ReceivedInPeriod)),
                "4.5a" => Score766.Score(indicator, Inputs(c.ForCitizensUsingPopulation, c.ForCitizens)),
                "4.5b" => Score766.Score(indicator, Inputs(d.UsedPopulationData, d.ReceivedInPeriod)),
                "5.4" => Score766.Score(indicator, Inputs(Math.Max(0, d.Counted - d.Late - d.Disliked), d.Counted,
                    ("late", d.Late), ("disliked", d.Disliked), ("rated", d.Rated))),
                _ => throw new InvalidOperationException($"Indicator {indicator.Id} is marked computable but has no formula."),
            });
        }
        return scores;
    }

    /// <summary>
    /// 1.4's denominator: the dossiers received in the period (MotCua is the source of both the national
    /// reporting figure and the portal's copy, so the max of the two is this count); when none was
    /// received, the previous year's share.
    /// </summary>
    public static decimal SyncDenominator(Dossier766Counts d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.ReceivedInPeriod > 0 ? d.ReceivedInPeriod : d.PreviousYearShare;
    }

    /// <summary>3.3's sync factor: indicator 1.4 as a fraction (4 decimals); 1 when 1.4 has no denominator (3.3 then has none either).</summary>
    public static decimal SyncFactor(Dossier766Counts d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.ReceivedInPeriod == 0 ? 1 : Math.Round((decimal)d.SyncedToPortal / d.ReceivedInPeriod, 4, MidpointRounding.AwayFromZero);
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
