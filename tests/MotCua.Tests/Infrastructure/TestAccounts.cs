using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;
using MotCua.Web.Features.DemoData;

namespace MotCua.Tests.Infrastructure;

public static class TestAccounts
{
    public const string Password = "MatKhau2026!";

    /// <summary>
    /// A provincial supervisor of the provincial People's Committee Office: statistics of the whole
    /// province, drill-down lists and officers included (statistics.province); returns the user name.
    /// </summary>
    public static Task<string> NewProvinceWideAsync(WebHost host) => NewOfficerAsync(host, "VPUBND", OfficerRole.ProvincialSupervisor);

    /// <summary>An officer of the given agency with one role, made directly in the database, enrolled with the demo TOTP secret unless told; returns the user name.</summary>
    public static async Task<string> NewOfficerAsync(WebHost host, string agencyCode, OfficerRole role, bool secondFactor = true)
    {
        var userName = "officer." + Guid.NewGuid().ToString("N")[..8];
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        var account = new UserAccount
        {
            UserName = userName,
            FullName = "Cán bộ thử nghiệm",
            Kind = AccountKind.Officer,
            AgencyId = agency.Id,
            PasswordHash = "",
            CreatedAt = DateTime.UtcNow,
            Roles = [new RoleAssignment { Role = role, AgencyId = agency.Id }],
        };
        account.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(account, Password);
        db.UserAccounts.Add(account);
        await db.SaveChangesAsync();
        if (!secondFactor)
            return userName;
        // Officers sign in with a second factor; test officers share the demo secret (TestTotp).
        var totp = scope.ServiceProvider.GetRequiredService<TotpAuthenticator>();
        db.AccountSecurity.Add(new AccountSecurity { UserAccountId = account.Id, TotpSecret = totp.Protect(DemoSecondFactor.Secret), TotpEnabledAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return userName;
    }
}
