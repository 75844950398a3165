using System.Globalization;
using System.Security.Claims;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Accounts.Eid;

/// <summary>
/// What MotCua takes from the identity provider's claims (docs/integrations/vneid.md#claims): the
/// 12-digit personal identification number, the full name and the birth date. Null when one of them
/// is missing or malformed; the sign-in is then refused rather than creating a half profile.
/// </summary>
public sealed record EidIdentity(string Subject, string PersonalId, string FullName, DateOnly BirthDate)
{
    // VNeID's birth-date format is not published; the population database answers yyyyMMdd (Decree 69/2024/NĐ-CP
    // connects both), the others are the day/month/year and ISO forms seen in DVCQG payloads.
    private static readonly string[] BirthDateFormats = ["yyyyMMdd", "dd/MM/yyyy", "yyyy-MM-dd", "d/M/yyyy"];

    public static readonly string[] ClaimNames = ["SoDinhDanh", "HoVaTen", "NgayThangNamSinh"];

    public static EidIdentity? From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue("sub");
        var id = principal.FindFirstValue("SoDinhDanh")?.Trim();
        var name = principal.FindFirstValue("HoVaTen")?.Trim();
        var birth = principal.FindFirstValue("NgayThangNamSinh")?.Trim();
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(name) || name.Length > 200 || birth is null
            || !DateOnly.TryParseExact(birth, BirthDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || PersonalIdentificationNumber.Validate(id, birthDate).Count > 0)
            return null;
        return new EidIdentity(subject, id!, string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)), birthDate);
    }
}
