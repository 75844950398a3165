using System.Globalization;
using System.Text;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The name an uploaded file is shown and downloaded under, made from the name the sender chose.
/// Only the base name is kept (no folders), and control characters (CR, LF, NUL …), format
/// characters (bidirectional overrides such as U+202E that turn "invoice‮fdp.exe" around, zero-width
/// characters) and line/paragraph separators are removed, so the name can neither forge a header,
/// a log line nor a different extension on screen (OWASP ASVS 5.0 5.3.2, 5.4.2). The extension is
/// always the one of the detected content, added by the caller.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 150;
    public const string Fallback = "tep";

    /// <summary>The cleaned base name without extension; <see cref="Fallback"/> when nothing is left.</summary>
    public static string Clean(string? sent)
    {
        var name = sent ?? "";
        // Browsers on Windows may send the full path; keep what follows the last separator.
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
            name = name[(slash + 1)..];
        var kept = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue;
            if (rune == Rune.ReplacementChar || rune.Value is '"' or ':' or '*' or '?' or '<' or '>' or '|')
                continue;
            kept.Append(rune.ToString());
        }
        var clean = kept.ToString().Normalize(NormalizationForm.FormC);
        var dot = clean.LastIndexOf('.');
        if (dot >= 0)
            clean = clean[..dot];
        clean = clean.Trim().Trim('.').Trim();
        if (clean.Length > MaxLength)
            clean = clean[..MaxLength].TrimEnd();
        // A cut may split a surrogate pair.
        if (clean.Length > 0 && char.IsHighSurrogate(clean[^1]))
            clean = clean[..^1];
        return clean.Length == 0 ? Fallback : clean;
    }
}
