using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;

namespace MotCua.Web.Features.DemoData;

/// <summary>
/// Every demo officer has the TOTP second factor on with one published secret, so a newcomer signs
/// in with any authenticator app or `oathtool --totp -b MOTCUADEMOSECRETTOTPKEYFORTESTSA` (README).
/// Demo data only: the seeder never runs on PostgreSQL.
/// </summary>
public static class DemoSecondFactor
{
    /// <summary>Base32 (RFC 4648), 32 characters = 160 bits, the size RFC 4226 recommends.</summary>
    public const string Secret = "MOTCUADEMOSECRETTOTPKEYFORTESTSA";

    public static async Task EnrolOfficersAsync(AppDbContext db, TotpAuthenticator totp, DateTime now, CancellationToken ct)
    {
        var officers = await db.UserAccounts.Where(u => u.Kind == AccountKind.Officer).Select(u => u.Id).ToListAsync(ct);
        foreach (var id in officers)
            // Signed in "now": the demo accounts worked through the generated history, so they are not
            // dormant (an officer unused for 45 days is blocked, docs/security/sign-in.md).
            db.AccountSecurity.Add(new AccountSecurity { UserAccountId = id, TotpSecret = totp.Protect(Secret), TotpEnabledAt = now, LastSignInAt = now });
        await db.SaveChangesAsync(ct);
    }
}
