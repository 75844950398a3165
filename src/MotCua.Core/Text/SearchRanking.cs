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
    public static int Score(string foldedQuery, IReadOnlyList<string> queryTokens, string foldedName, string code)
    {
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

        var words = foldedName.Split(' ');
        var matched = 0.0;
        var positions = new List<int>(queryTokens.Count);
        foreach (var token in queryTokens)
        {
            var whole = Array.IndexOf(words, token);
            if (whole >= 0)
            {
                matched += 1;
                positions.Add(whole);
                continue;
            }
            var prefix = Array.FindIndex(words, w => w.StartsWith(token, StringComparison.Ordinal));
            if (prefix >= 0)
            {
                matched += 0.5;
                positions.Add(prefix);
                continue;
            }
            if (!foldedName.Contains(token, StringComparison.Ordinal))
                return 0;
            matched += 0.25;
        }

        var score = 3_000 + (int)(2_000 * Math.Min(1.0, matched / words.Length));
        if (words[0].StartsWith(queryTokens[0], StringComparison.Ordinal))
            score += 500;
        if (positions.Count == queryTokens.Count && positions.Zip(positions.Skip(1)).All(p => p.First < p.Second))
            score += 300;
        if (foldedName.Contains(" " + foldedQuery, StringComparison.Ordinal))
            score += 300;
        return score + tieBreak / 10;
    }
}
