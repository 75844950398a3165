using System.Collections.Frozen;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The 12-digit personal identification number (số định danh cá nhân; Decree 137/2015/NĐ-CP
/// art. 7, Circular 07/2016/TT-BCA art. 7; the Law on Identification 2023 keeps the number):
/// 3 digits birth-registration province, 1 digit century and sex, 2 digits of the birth year,
/// 6 random digits. There is no check digit, so validation is structural only.
/// </summary>
public static class PersonalIdentificationNumber
{
    public const int Length = 12;

    /// <summary>
    /// The 63 provincial codes of Decision 124/2004/QĐ-TTg (with Hà Nội 01 after 2008), zero-padded
    /// to 3 digits. The 34 units of 2025 (Decision 19/2025/QĐ-TTg; docs/domain/organisation.md#province-codes) each kept one of these
    /// codes, so numbers issued after the merger are covered too.
    /// </summary>
    public static readonly IReadOnlySet<string> ProvinceCodes = new[]
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
        "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
        "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
        "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
        "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsValid(string? value) =>
        value is { Length: Length }
        && value.All(char.IsAsciiDigit)
        && ProvinceCodes.Contains(value[..3]);

    /// <summary>
    /// Circular 07/2016/TT-BCA art. 7: the 4th digit is the century, even for men and odd for
    /// women — 0/1 for 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199, 6/7 for 2200–2299,
    /// 8/9 for 2300–2399 — and the 5th–6th digits are the last two digits of the birth year.
    /// Sex is not checked: the birth date does not carry it.
    /// </summary>
    public static bool MatchesBirthDate(string value, DateOnly birthDate) =>
        IsValid(value) && BirthYear(value) == birthDate.Year;

    /// <summary>The birth year the number encodes (<see cref="MatchesBirthDate"/>); null when the number is invalid.</summary>
    public static int? EncodedBirthYear(string? value) => IsValid(value) ? BirthYear(value!) : null;

    /// <summary>True for a woman, false for a man (odd/even century digit); null when the number is invalid.</summary>
    public static bool? IsFemale(string? value) => IsValid(value) ? (value![3] - '0') % 2 == 1 : null;

    /// <summary>Vietnamese messages for a form field; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string? value, DateOnly? birthDate)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ["Số định danh cá nhân không được để trống."];
        }

        if (value.Length != Length || !value.All(char.IsAsciiDigit))
        {
            return ["Số định danh cá nhân phải gồm đúng 12 chữ số."];
        }

        var errors = new List<string>();
        if (!ProvinceCodes.Contains(value[..3]))
        {
            errors.Add($"Mã tỉnh nơi đăng ký khai sinh \"{value[..3]}\" (3 chữ số đầu) không có trong danh mục.");
        }

        if (birthDate is { } date && BirthYear(value) != date.Year)
        {
            errors.Add($"Mã thế kỷ và năm sinh trong số định danh ({BirthYear(value)}) không khớp với năm sinh {date.Year}.");
        }

        return errors;
    }

    private static int BirthYear(string value)
    {
        var century = 1900 + ((value[3] - '0') / 2 * 100);
        return century + ((value[4] - '0') * 10) + (value[5] - '0');
    }
}
