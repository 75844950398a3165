using System.Globalization;
using System.Text;

namespace MotCua.Core.Text;

/// <summary>
/// Folding of Vietnamese text for search: citizens type on phones without diacritics
/// ("dang ky ho kinh doanh" must find "Đăng ký hộ kinh doanh").
/// </summary>
public static class VietnameseText
{
    /// <summary>Lower case, diacritics removed, đ → d, runs of non letters/digits collapsed to one space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
                continue;
            var c = raw switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(raw),
            };
            // Keep '.' inside tokens so that national codes such as 1.001612 stay searchable.
            if (char.IsLetterOrDigit(c) || (c == '.' && builder.Length > 0 && !pendingSpace))
            {
                if (pendingSpace && builder.Length > 0)
                    builder.Append(' ');
                pendingSpace = false;
                builder.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString().TrimEnd('.');
    }

    /// <summary>The folded words of a query, without duplicates, in order.</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
}
