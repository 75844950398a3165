using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Accounts;

public sealed record TokenRequest(string? UserName, string? Password);
public sealed record TokenResponse(string AccessToken, long ExpiresIn);

/// <summary>
/// Checks a user name and password and builds the principal: user id, display name, agency and
/// the permissions of every role held (never the role names, DESIGN §5). The same handler serves
/// the office login page (cookie) and POST /api/auth/token (bearer).
/// </summary>
public sealed class SignInHandler(AppDbContext db, IPasswordHasher<UserAccount> hasher)
{
    // Hash of a random password, compared when the user does not exist, so timing does not reveal accounts.
    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(null!, Guid.NewGuid().ToString());

    public async Task<ClaimsPrincipal?> HandleAsync(string? userName, string? password, string scheme, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 100 || password.Length > 200)
            return null;
        var account = await db.UserAccounts.Include(u => u.Roles)
            .SingleOrDefaultAsync(u => u.UserName == userName.Trim().ToLowerInvariant(), ct);
        if (account is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }
        if (!account.Active || hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
            return null;

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
}

public static class ClaimsPrincipalExtensions
{
    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool Has(this ClaimsPrincipal user, string permission) => user.HasClaim(Permissions.ClaimType, permission);
}
