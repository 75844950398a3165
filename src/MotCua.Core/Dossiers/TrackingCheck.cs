using System.Security.Cryptography;
using System.Text;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The second factor of the public tracking page (docs/domain/codes.md#tracking-check): besides the dossier code, the
/// visitor gives the last 4 digits of the applicant's ID number or phone, so a guessed or
/// leaked code alone does not reveal who applied for what.
/// </summary>
public static class TrackingCheck
{
    private const int Digits = 4;

    /// <summary>The last 4 digits among the characters of <paramref name="digits"/> (spaces, dots, "+84" ignored); null if it has fewer than 4.</summary>
    public static string? LastFour(string? digits)
    {
        if (digits is null)
        {
            return null;
        }

        Span<char> last = stackalloc char[Digits];
        var found = 0;
        for (var i = digits.Length - 1; i >= 0 && found < Digits; i--)
        {
            if (char.IsAsciiDigit(digits[i]))
            {
                last[Digits - 1 - found] = digits[i];
                found++;
            }
        }

        return found == Digits ? new string(last) : null;
    }

    /// <summary>
    /// True when <paramref name="given"/> has exactly 4 digits (separators allowed) equal to the
    /// last 4 digits of the ID number or of the phone. Both candidates are always compared in
    /// constant time so the response time does not tell which one matched or how far.
    /// </summary>
    public static bool Matches(string? given, string? idNumber, string? phone)
    {
        var answer = given is not null && given.Count(char.IsAsciiDigit) == Digits ? LastFour(given) : null;
        var id = LastFour(idNumber);
        var tel = LastFour(phone);
        // A missing value is compared with a placeholder so the work done is the same.
        var idMatches = FixedTimeEquals(answer, id);
        var phoneMatches = FixedTimeEquals(answer, tel);
        return answer is not null & ((id is not null & idMatches) | (tel is not null & phoneMatches));
    }

    private static bool FixedTimeEquals(string? a, string? b) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(a ?? "\0\0\0\0"),
            Encoding.ASCII.GetBytes(b ?? "\u0001\u0001\u0001\u0001"));
}
