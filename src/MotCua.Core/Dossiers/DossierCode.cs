using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The dossier code (mã số hồ sơ) of Circular 01/2018/TT-VPCP art. 19, kept by Circular 03/2025
/// (docs/domain/codes.md#dossier-code): <c>&lt;QCVN 102 unit code&gt;-&lt;yyMMdd&gt;-&lt;daily sequence&gt;</c>,
/// e.g. <c>000.00.12.H56-190123-0007</c>. The date is the Vietnam-time reception date.
/// </summary>
public static partial class DossierCode
{
    /// <summary>Digits of the sequence the circular prints ("XXXX"); larger numbers keep all their digits.</summary>
    public const int SequenceDigits = 4;

    /// <summary>
    /// QCVN 102:2016/BTTTT unit code V1V2V3.Z1Z2.Y1Y2.MX1X2: levels 4, 3, 2 as zero-padded digits,
    /// then the level-1 unit, a capital letter (H for provinces) and two digits.
    /// </summary>
    [GeneratedRegex("^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex UnitCodePattern();

    // Unit code, 6-digit date, sequence of at least 4 digits (capped at 9 so it fits an int).
    // \z, not $: $ also matches before a final newline, letting "…-0007\n" through.
    [GeneratedRegex("^([0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2})-([0-9]{6})-([0-9]{4,9})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static bool IsValidUnitCode(string? unitCode) => unitCode is not null && UnitCodePattern().IsMatch(unitCode);

    /// <exception cref="ArgumentException"><paramref name="unitCode"/> is not a QCVN 102 unit code.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sequence is below 1 (it starts at 0001, docs/domain/codes.md#sequences).</exception>
    public static string Format(string unitCode, DateOnly receptionDate, int sequence)
    {
        if (!IsValidUnitCode(unitCode))
        {
            throw new ArgumentException($"'{unitCode}' is not a QCVN 102 unit code (V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.12.H56).", nameof(unitCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        // A two-digit year cannot tell 1919 from 2019; codes exist only since 2018.
        if (receptionDate.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(receptionDate), receptionDate, "The code's yyMMdd covers 2000–2099 only.");
        }

        // More than 9999 receptions a day must not wrap or truncate: the code has to stay unique.
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{unitCode}-{receptionDate:yyMMdd}-{sequence.ToString("D" + SequenceDigits, CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// Parses a code in the exact form <see cref="Format"/> writes: a real calendar date in
    /// 2000–2099, a sequence of at least 1, and no extra leading zeros beyond four digits.
    /// </summary>
    public static bool TryParse(string? code, out string unitCode, out DateOnly receptionDate, out int sequence)
    {
        unitCode = string.Empty;
        receptionDate = default;
        sequence = 0;
        if (code is null)
        {
            return false;
        }

        var match = CodePattern().Match(code);
        if (!match.Success
            || !TryParseDate(match.Groups[2].ValueSpan, out var date)
            || !int.TryParse(match.Groups[3].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1)
        {
            return false;
        }

        // One code, one spelling: "00007" is not the same text as "0007".
        var digits = match.Groups[3].Value;
        if (digits.Length > SequenceDigits && digits[0] == '0')
        {
            return false;
        }

        unitCode = match.Groups[1].Value;
        receptionDate = date;
        sequence = number;
        return true;
    }

    /// <summary>
    /// yyMMdd read as 20yy. Not DateOnly.TryParseExact: its two-digit-year window (…2049)
    /// would turn codes of 2050 onwards into 1950 ones.
    /// </summary>
    private static bool TryParseDate(ReadOnlySpan<char> yyMMdd, out DateOnly date)
    {
        date = default;
        var year = 2000 + int.Parse(yyMMdd[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(yyMMdd[2..4], CultureInfo.InvariantCulture);
        var day = int.Parse(yyMMdd[4..], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
