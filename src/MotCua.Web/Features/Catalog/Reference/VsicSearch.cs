using System.Text.RegularExpressions;
using MotCua.Core.Text;

namespace MotCua.Web.Features.Catalog.Reference;

/// <summary>What a citizen's typed business line came to: one line, several candidates, or nothing.</summary>
public sealed partial record BusinessLineMatch(BusinessLineMatch.Outcome Kind, string Text, VsicLine? Line, IReadOnlyList<VsicLine> Candidates)
{
    public enum Outcome { Empty, Found, Ambiguous, Unknown }

    public bool IsProblem => Kind is Outcome.Ambiguous or Outcome.Unknown;

    /// <summary>The Vietnamese message for a line that is not understood, naming what was typed.</summary>
    public string? Problem => Kind switch
    {
        Outcome.Ambiguous => $"“{Text}” khớp với nhiều ngành; hãy chọn một ngành trong danh sách gợi ý.",
        Outcome.Unknown when LeadingCode().IsMatch(Text) => $"Không có mã ngành cấp 4 “{Text}” trong Hệ thống ngành kinh tế Việt Nam.",
        Outcome.Unknown => $"Không tìm thấy ngành nào với “{Text}”; hãy nhập mã ngành 4 số hoặc từ khóa khác.",
        _ => null,
    };

    [GeneratedRegex(@"^\d{4}")]
    internal static partial Regex LeadingCode();
}

/// <summary>
/// Finds business lines in <see cref="VsicList"/> as citizens type them on a phone: a code ("4711",
/// "4711 | anything", "4711 – name", a level-5 code "47110" by its level-4 parent), the exact name,
/// or words with or without diacritics ranked as the catalogue search ranks procedures
/// (<see cref="SearchRanking"/>).
/// </summary>
public static partial class VsicSearch
{
    public const int MaxCandidates = 8;

    /// <summary>The lines matching <paramref name="query"/>, best first.</summary>
    public static IReadOnlyList<VsicLine> Search(VsicList list, string? query, int limit)
    {
        if (ByLeadingCode(list, query) is { } exact)
            return [exact];
        var folded = VietnameseText.Fold(query);
        var tokens = VietnameseText.Tokens(query);
        if (tokens.Count == 0)
            return [];
        if (folded.All(char.IsAsciiDigit))
            return list.Lines.Where(l => l.Code.StartsWith(folded, StringComparison.Ordinal)).Take(Math.Clamp(limit, 1, 50)).ToArray();
        var everyday = EverydayWords.Where(w => folded.Contains(w.Words, StringComparison.Ordinal)).SelectMany(w => w.Codes).ToHashSet(StringComparer.Ordinal);
        return list.Lines
            .Select(l => (Line: l, Score: everyday.Contains(l.Code) ? 16_000 : SearchRanking.Score(folded, tokens, l.Folded, l.Code)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Line.Code, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, 50))
            .Select(x => x.Line)
            .ToArray();
    }

    /// <summary>
    /// What a typed line means: a code (leading four digits, whatever follows), else the exact name,
    /// else words matching exactly one line; several matches are ambiguous and none is unknown.
    /// </summary>
    public static BusinessLineMatch Resolve(VsicList list, string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
            return new(BusinessLineMatch.Outcome.Empty, text, null, []);
        var code = CodeTyped().Match(text);
        if (code.Success)
            return list.Find(code.Groups["code"].Value) is { } byCode ? new(BusinessLineMatch.Outcome.Found, text, byCode, [])
                : UnlistedOfKnownGroup(list, text) is { } unlisted ? new(BusinessLineMatch.Outcome.Found, text, unlisted, [])
                : new(BusinessLineMatch.Outcome.Unknown, text, null, []);
        var folded = VietnameseText.Fold(text);
        if (list.Lines.FirstOrDefault(l => l.Folded == folded) is { } byName)
            return new(BusinessLineMatch.Outcome.Found, text, byName, []);
        var candidates = Search(list, text, MaxCandidates + 1);
        return candidates.Count switch
        {
            0 => new(BusinessLineMatch.Outcome.Unknown, text, null, []),
            1 => new(BusinessLineMatch.Outcome.Found, text, candidates[0], []),
            _ => new(BusinessLineMatch.Outcome.Ambiguous, text, null, candidates.Take(MaxCandidates).ToArray()),
        };
    }

    /// <summary>
    /// A four-digit code the shipped list lacks although it has lines of the code's group (first three digits), with
    /// the name typed after it. The list holds 458 of the Decision's 486 level-4 lines and every one of its 242 groups
    /// (docs/domain/forms.md#business-lines-vsic): such a code is taken as the applicant wrote it rather than refused,
    /// so a missing line never blocks a submission; the officer checks it at reception.
    /// </summary>
    public static VsicLine? UnlistedOfKnownGroup(VsicList list, string? text)
    {
        var trimmed = (text ?? "").Trim();
        var code = CodeTyped().Match(trimmed);
        if (!code.Success)
            return null;
        var value = code.Groups["code"].Value;
        if (list.Find(value) is not null || list.Lines.FirstOrDefault(l => l.Code.StartsWith(value[..3], StringComparison.Ordinal)) is not { } sibling)
            return null;
        var name = trimmed[code.Length..].TrimStart(' ', '|', '–', '-', ':', '\t').Trim();
        return new VsicLine(value, name, sibling.SectionCode);
    }

    /// <summary>The line whose code the text starts with ("4711", "4711 | …", "47110"), if it is on the list.</summary>
    public static VsicLine? ByLeadingCode(VsicList list, string? text)
    {
        var code = CodeTyped().Match((text ?? "").Trim());
        return code.Success ? list.Find(code.Groups["code"].Value) : null;
    }

    /// <summary>
    /// Words people use for a trade that the official names do not contain ("tạp hóa", "quán ăn"),
    /// folded, with the lines they mean; those lines come first among the candidates.
    /// </summary>
    private static readonly (string Words, string[] Codes)[] EverydayWords =
    [
        ("tap hoa", ["4711"]), ("sieu thi", ["4711", "4719"]), ("quan an", ["5610"]), ("quan com", ["5610"]), ("quan pho", ["5610"]),
        ("ca phe", ["5630"]), ("cafe", ["5630"]), ("giai khat", ["5630"]), ("tra sua", ["5630"]), ("karaoke", ["9329"]),
        ("khach san", ["5510"]), ("nha nghi", ["5510"]), ("homestay", ["5510"]), ("sua xe", ["4542", "4520"]), ("spa", ["9610"]),
        ("lam dau", ["9631"]), ("xe tai", ["4933"]), ("taxi", ["4931"]), ("hieu thuoc", ["4772"]), ("nha thuoc", ["4772"]),
        ("dien thoai", ["4741"]), ("vat lieu xay dung", ["4752", "4663"]), ("may mac", ["1410", "4771"]),
    ];

    // Four digits, optionally a fifth (a level-5 code belongs to its first four), then nothing or a non-digit.
    [GeneratedRegex(@"^(?<code>\d{4})\d?(?!\d)")]
    private static partial Regex CodeTyped();
}
