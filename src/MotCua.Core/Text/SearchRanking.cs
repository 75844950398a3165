namespace MotCua.Core.Text;

/// <summary>
/// Ranks a folded candidate against a folded query. Higher is better; 0 means "no match".
/// Order of preference: the code itself, the whole name, the name starting with the query,
/// the query as a phrase inside the name, every word as a whole word, every word as a prefix,
/// every word as a substring. Shorter names win ties (the general procedure before its variants).
/// </summary>
public static class SearchRanking
{
    public static int Score(string foldedQuery, IReadOnlyList<string> queryTokens, string foldedName, string code)
    {
        if (queryTokens.Count == 0)
            return 1;
        if (string.Equals(foldedQuery, code, StringComparison.Ordinal))
            return 10_000;

        var score = 0;
        if (foldedName == foldedQuery)
            score = 9_000;
        else if (foldedName.StartsWith(foldedQuery + " ", StringComparison.Ordinal)
                 || foldedName.StartsWith(foldedQuery, StringComparison.Ordinal))
            score = 8_000;
        else if (foldedName.Contains(" " + foldedQuery, StringComparison.Ordinal))
            score = 7_000;
        else if (code.StartsWith(foldedQuery, StringComparison.Ordinal))
            score = 6_500;
        else
        {
            var words = foldedName.Split(' ');
            var whole = 0;
            var prefix = 0;
            foreach (var token in queryTokens)
            {
                if (Array.IndexOf(words, token) >= 0)
                    whole++;
                else if (words.Any(w => w.StartsWith(token, StringComparison.Ordinal)))
                    prefix++;
                else if (!foldedName.Contains(token, StringComparison.Ordinal))
                    return 0;
            }
            score = 3_000 + (1_000 * whole + 500 * prefix) / queryTokens.Count;
        }
        // Tie-break: shorter names first, capped so it never crosses a band.
        return score + Math.Max(0, 400 - foldedName.Length);
    }
}
