using System.Collections.Concurrent;

namespace MotCua.Web.Features.Catalog;

/// <summary>
/// Word index of one <see cref="CatalogSnapshot"/>'s entries, built once per snapshot, so a search
/// touches the names that can match instead of folding, splitting and scanning all 2,000 of them.
/// A query word matches a name when the folded name contains it (anywhere, as in "ay" in "giay") or the
/// code starts with it (SearchProceduresHandler). Folded names are words separated by one space and a
/// query word has no space, so "the name contains the word" is "one of the name's words contains it":
/// the index looks the word up among the catalogue's distinct words (about 1,500) and unites their
/// entries. Entry numbers are positions in <see cref="CatalogSnapshot.Entries"/> (list order), ascending.
/// </summary>
public sealed class CatalogSearchIndex
{
    /// <summary>Distinct query words remembered per snapshot; past it the memory starts afresh.</summary>
    private const int MaxRemembered = 1_000;

    private readonly IReadOnlyList<CatalogEntry> _entries;
    private readonly KeyValuePair<string, int[]>[] _vocabulary;
    private readonly ConcurrentDictionary<string, int[]> _matching = new(StringComparer.Ordinal);

    public CatalogSearchIndex(IReadOnlyList<CatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries;
        Words = new string[entries.Count][];
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            Words[i] = entries[i].NameFolded.Split(' ');
            foreach (var word in Words[i])
            {
                if (!byWord.TryGetValue(word, out var list))
                    byWord[word] = list = [];
                if (list.Count == 0 || list[^1] != i)
                    list.Add(i);
            }
        }
        _vocabulary = byWord.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.ToArray())).ToArray();
    }

    /// <summary>Each entry's folded name split on spaces, as SearchRanking scores it.</summary>
    public string[][] Words { get; }

    /// <summary>The entries every token matches, ascending.</summary>
    public int[] MatchingAll(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = Matching(tokens[0]);
        for (var t = 1; t < tokens.Count && result.Length > 0; t++)
            result = Intersect(result, Matching(tokens[t]));
        return result;
    }

    private int[] Matching(string token)
    {
        if (_matching.TryGetValue(token, out var known))
            return known;
        var hits = new bool[_entries.Count];
        foreach (var (word, entries) in _vocabulary)
        {
            if (word.Contains(token, StringComparison.Ordinal))
            {
                foreach (var i in entries)
                    hits[i] = true;
            }
        }
        for (var i = 0; i < _entries.Count; i++)
            hits[i] |= _entries[i].Code.StartsWith(token, StringComparison.Ordinal);
        var result = new List<int>();
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i])
                result.Add(i);
        }
        if (_matching.Count >= MaxRemembered)
            _matching.Clear();
        return _matching[token] = result.ToArray();
    }

    private static int[] Intersect(int[] a, int[] b)
    {
        var result = new List<int>(Math.Min(a.Length, b.Length));
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j])
            {
                result.Add(a[i]);
                i++;
                j++;
            }
            else if (a[i] < b[j])
                i++;
            else
                j++;
        }
        return result.ToArray();
    }
}
