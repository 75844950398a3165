namespace MotCua.Core.Text;

/// <summary>
/// Ranks a folded candidate name against a folded query; higher is better, 0 means no match.
/// Bands: the code itself; the whole name; the name starting with the query; then names holding
/// every query word, scored by how much of the name the query covers (so "đăng ký hộ kinh doanh"
/// prefers "Đăng ký thành lập hộ kinh doanh" over "Đăng ký thay đổi nội dung đăng ký hộ kinh
/// doanh"), with bonuses for starting with the first word, keeping the words' order and holding
/// the query as one phrase. Shorter names win ties.
/// </summary>
public static class SearchRanking
{
    public static int Score(string foldedQuery, IReadOnlyList<string> queryTokens, string foldedName, string code) =>
        Score(new RankedQuery(foldedQuery, queryTokens), foldedName.Split(' '), foldedName, code);

    /// <summary>
    /// The same score with the name's words split once (<paramref name="words"/> = the name split on
    /// spaces) and the query prepared once, so a search over a whole catalogue allocates nothing per name.
    /// </summary>
    public static int Score(RankedQuery query, string[] words, string foldedName, string code)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(words);
        var (foldedQuery, queryTokens) = (query.Folded, query.Tokens);
        if (queryTokens.Count == 0)
            return 1;
        if (string.Equals(foldedQuery, code, StringComparison.Ordinal))
            return 20_000;

        var tieBreak = Math.Max(0, 400 - foldedName.Length);
        if (foldedName == foldedQuery)
            return 19_000 + tieBreak;
        if (foldedName.StartsWith(foldedQuery, StringComparison.Ordinal))
            return 18_000 + tieBreak;
        if (code.StartsWith(foldedQuery, StringComparison.Ordinal))
            return 17_000 + tieBreak;

        var matched = 0.0;
        var positioned = 0;
        var inOrder = true;
        var last = -1;
        foreach (var token in queryTokens)
        {
            var at = Array.IndexOf(words, token);
            var weight = 1.0;
            if (at < 0)
            {
                at = FirstStartingWith(words, token);
                weight = 0.5;
            }
            if (at >= 0)
            {
                matched += weight;
                inOrder &= at > last;
                last = at;
                positioned++;
                continue;
            }
            if (!foldedName.Contains(token, StringComparison.Ordinal))
                return 0;
            matched += 0.25;
        }

        var score = 3_000 + (int)(2_000 * Math.Min(1.0, matched / words.Length));
        if (words[0].StartsWith(queryTokens[0], StringComparison.Ordinal))
            score += 500;
        if (positioned == queryTokens.Count && inOrder)
            score += 300;
        if (foldedName.Contains(query.Spaced, StringComparison.Ordinal))
            score += 300;
        return score + tieBreak / 10;
    }

    private static int FirstStartingWith(string[] words, string token)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].StartsWith(token, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}

/// <summary>A folded query and its tokens, with the query's " phrase" form built once.</summary>
public sealed record RankedQuery(string Folded, IReadOnlyList<string> Tokens)
{
    public string Spaced { get; } = " " + Folded;
}
