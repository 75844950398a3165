using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Sessions;

namespace MotCua.Tests.Web.Accounts;

/// <summary>
/// A password change ends every other session of the account (T-AUTH-06); an officer account
/// unused for 45 days cannot sign in until an administrator reactivates it (T-AUTH-11).
/// </summary>
public class PasswordChangeAndDormancyTests
{
    private const string NewPassword = "Doi-mat-khau-2026-moi";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PasswordChange_EndsTheOtherSessions_KeepsTheCallers(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler);
        var (_, cookie) = await CookieSession.SignInAsync(host, "/office/dang-nhap", officer, TestAccounts.Password);
        var thief = await host.ClientAs(officer, TestAccounts.Password);
        var owner = await host.ClientAs(officer, TestAccounts.Password);

        await Problem.AssertAsync(await owner.PostAsJsonAsync("/api/accounts/me/password", new { currentPassword = "sai-mat-khau-1", newPassword = NewPassword }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await owner.PostAsJsonAsync("/api/accounts/me/password", new { currentPassword = TestAccounts.Password, newPassword = "password12" }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/accounts/me/mfa")).StatusCode);

        var changed = await owner.PostAsJsonAsync("/api/accounts/me/password", new { currentPassword = TestAccounts.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/accounts/me/mfa")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CookieSession.ReplayAsync(host, cookie, "/office/ho-so")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/accounts/me/mfa")).StatusCode);
        await host.ClientAs(officer, NewPassword);
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await context.UserAccounts.Where(u => u.UserName == officer).Select(u => u.Id).SingleAsync();
        Assert.Equal(2, await context.UserSessions.CountAsync(s => s.UserAccountId == id && s.EndReason == SessionEndReason.PasswordChanged));
        var actions = await context.AuditEntries.Where(a => a.EntityType == "UserAccount" && a.EntityId == id.ToString()).Select(a => a.Action + ":" + a.Details).ToListAsync();
        Assert.Contains("security.password-changed:sessionsEnded=2", actions);
        Assert.Contains("security.password-change-failed:reason=current-password", actions);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Officer_UnusedFor45Days_IsBlocked_UntilAnAdministratorReactivates(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler);
        long id;
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var created = host.Time.GetUtcNow().UtcDateTime;
            await context.UserAccounts.Where(u => u.UserName == officer).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, created));
            id = await context.UserAccounts.Where(u => u.UserName == officer).Select(u => u.Id).SingleAsync();
        }
        await host.ClientAs(officer, TestAccounts.Password);
        host.Time.Advance(TimeSpan.FromDays(44));
        await host.ClientAs(officer, TestAccounts.Password); // 44 days after the last sign-in: still fine
        host.Time.Advance(TimeSpan.FromDays(46));

        var blocked = await host.Client().PostAsJsonAsync("/api/auth/token", new { userName = officer, password = TestAccounts.Password, totp = await TestTotp.FreshCodeAsync(host, officer) });
        await Problem.AssertAsync(blocked, HttpStatusCode.Unauthorized, "urn:motcua:problem:invalid-credentials");

        var admin = await host.ClientAs(await SignInSecurityTests.OfficerAsync(host, OfficerRole.SystemAdmin), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/reactivate", null)).StatusCode);
        await host.ClientAs(officer, TestAccounts.Password);

        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var actions = await context.AuditEntries.Where(a => a.EntityType == "UserAccount" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync();
            Assert.Single(actions, "security.dormant-blocked");
            Assert.Single(actions, "security.reactivated");
        }
    }
}
