using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts.Security;

namespace MotCua.Web.Features.Accounts;

/// <summary>Totp: the 6-digit code of the authenticator app, or one recovery code; required for officers.</summary>
public sealed record TokenRequest(string? UserName, string? Password, string? Totp = null);
public sealed record TokenResponse(string AccessToken, long ExpiresIn);
public sealed record SignInResult(SignInStatus Status, ClaimsPrincipal? Principal = null, Security.Passkeys.PasskeyRequest? Passkey = null);

/// <summary>
/// Checks a user name, password and second factor (CredentialCheck) and builds the principal: user
/// id, display name, agency and the permissions of every role held (never the role names, DESIGN
/// §5). The same handler serves the sign-in pages (cookie) and POST /api/auth/token (bearer).
/// </summary>
public sealed class SignInHandler(AppDbContext db, CredentialCheck check)
{
    /// <summary>Claim of a cookie that only opens the second-factor enrolment page.</summary>
    public const string EnrolmentClaim = "mfa-enrolment";

    public async Task<SignInResult> HandleAsync(string? userName, string? password, string? totp, string scheme, CancellationToken ct, PasskeyAssertion? passkey = null)
    {
        var cookie = scheme == CookieAuthenticationDefaults.AuthenticationScheme;
        var (status, account, offer) = await check.CheckAsync(userName, password, totp, passkey, allowEnrolment: cookie, ct);
        return account is null ? new SignInResult(status, Passkey: offer)
            : new SignInResult(status, status == SignInStatus.EnrolmentRequired ? EnrolmentPrincipal(account, scheme) : Principal(account, scheme));
    }

    /// <summary>The full principal again, after the officer enrolled the second factor.</summary>
    public async Task<ClaimsPrincipal?> PrincipalAsync(long userId, string scheme, CancellationToken ct) =>
        await db.UserAccounts.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId && u.Active, ct) is { } account ? Principal(account, scheme) : null;

    internal static ClaimsPrincipal Principal(UserAccount account, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.FullName),
            new("kind", account.Kind.ToString()),
        };
        if (account.AgencyId is { } agency)
            claims.Add(new Claim("agency", agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var permission in account.Roles.SelectMany(r => Roles.PermissionsOf(r.Role)).Distinct())
            claims.Add(new Claim(Permissions.ClaimType, permission));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>No permissions: the cookie opens the enrolment page only, until a code is confirmed.</summary>
    private static ClaimsPrincipal EnrolmentPrincipal(UserAccount account, string scheme) =>
        new(new ClaimsIdentity(
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.FullName),
            new("kind", account.Kind.ToString()),
            new(EnrolmentClaim, "true"),
        ], scheme));
}

public static class ClaimsPrincipalExtensions
{
    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool Has(this ClaimsPrincipal user, string permission) => user.HasClaim(Permissions.ClaimType, permission);
}
