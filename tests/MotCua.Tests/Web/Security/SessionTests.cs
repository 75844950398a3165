using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Sessions;
using MotCua.Web.Features.DemoData;

namespace MotCua.Tests.Web.Security;

/// <summary>Sessions held in the database: signing out, disabling an account or changing its roles, idle and absolute limits.</summary>
[Collection(DemoCollection.Name)]
public class SessionTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OfficeSignOut_EndsTheSession_TheOldCookieNoLongerOpensTheQueue(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var userName = await TestAccounts.NewOfficerAsync(host, "TTPVHCC", OfficerRole.Reception);
        var (browser, cookie) = await CookieSession.SignInAsync(host, "/office/dang-nhap", userName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await CookieSession.ReplayAsync(host, cookie, "/office/ho-so")).StatusCode);

        // The layout's sign-out button, with the page's anti-forgery token.
        var signOut = await browser.PostAsync("/office/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await CookieSession.TokenAsync(browser, "/office/ho-so"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replayed = await CookieSession.ReplayAsync(host, cookie, "/office/ho-so");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/office/dang-nhap", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(SessionEndReason.SignedOut, Assert.Single(await SessionsOfAsync(host, userName)).EndReason);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Portal_HasASignOutLink_ThatEndsTheApplicantsSession(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (_, phone, _) = await DossierClient.NewCitizenAsync(host);
        var (browser, cookie) = await CookieSession.SignInAsync(host, "/dang-nhap", phone, TestAccounts.Password);
        var page = await browser.GetStringAsync("/ho-so-cua-toi");
        Assert.Contains("action=\"/dang-xuat\"", page, StringComparison.Ordinal);
        Assert.Contains("Đăng xuất", page, StringComparison.Ordinal);

        var signOut = await browser.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await CookieSession.TokenAsync(browser, "/ho-so-cua-toi"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("\"cache\"", signOut.Headers.GetValues("Clear-Site-Data").Single(), StringComparison.Ordinal);

        var replayed = await CookieSession.ReplayAsync(host, cookie, "/ho-so-cua-toi");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/dang-nhap", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ApiSignOut_EndsTheBearerToken(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/statistics/ioc")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsync("/api/auth/sign-out", null)).StatusCode);
        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/ioc"), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DisablingAnAccount_EndsItsBearerTokenAtOnce_AndIsAudited(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var userName = await TestAccounts.NewOfficerAsync(host, "STC", OfficerRole.Leader);
        var officer = await host.ClientAs(userName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/statistics/ioc")).StatusCode);
        var id = await DossierLifecycleTests.UserIdAsync(host, userName);

        // Only accounts.manage may do it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientAs("leader.demo")).PostAsync($"/api/accounts/{id}/disable", null)).StatusCode);
        var admin = await host.ClientAs("admin.demo");
        var disabled = await admin.PostAsync($"/api/accounts/{id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var body = await disabled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Equal(1, body.GetProperty("sessionsEnded").GetInt32());

        await Problem.AssertAsync(await officer.GetAsync("/api/statistics/ioc"), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsJsonAsync("/api/auth/token", new { userName, password = TestAccounts.Password })).StatusCode);
        Assert.Equal(SessionEndReason.AccountDisabled, Assert.Single(await SessionsOfAsync(host, userName)).EndReason);
        await using var scope = host.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == "account.disable" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(await DossierLifecycleTests.UserIdAsync(host, "admin.demo"), audit.UserId);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChangingRoles_EndsTheBearerToken_AndTheNextTokenCarriesTheNewPermissions(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var userName = await TestAccounts.NewOfficerAsync(host, "STC", OfficerRole.Leader);
        var officer = await host.ClientAs(userName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/statistics/ioc")).StatusCode);
        var id = await DossierLifecycleTests.UserIdAsync(host, userName);

        var admin = await host.ClientAs("admin.demo");
        var changed = await admin.PutAsJsonAsync($"/api/accounts/{id}/roles", new { roles = new[] { new { role = "Handler", agencyCode = "STC" } } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var roles = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles");
        Assert.Equal("Handler", Assert.Single(roles.EnumerateArray()).GetProperty("role").GetString());

        await Problem.AssertAsync(await officer.GetAsync("/api/statistics/ioc"), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        var again = await host.ClientAs(userName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/statistics/ioc")).StatusCode);
        var sessions = await SessionsOfAsync(host, userName);
        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, s => s.EndReason == SessionEndReason.RolesChanged);
        Assert.Single(sessions, s => s.EndedAt is null);

        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/accounts/{id}/roles", new { roles = new[] { new { role = "Handler", agencyCode = "KHONG-CO" } } }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OfficerCookieIdle16Minutes_IsRefused(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        try
        {
            var userName = await TestAccounts.NewOfficerAsync(host, "TTPVHCC", OfficerRole.Reception);
            var (browser, _) = await CookieSession.SignInAsync(host, "/office/dang-nhap", userName, TestAccounts.Password);
            host.Time.Advance(TimeSpan.FromMinutes(14));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/office")).StatusCode);
            host.Time.Advance(TimeSpan.FromMinutes(16));
            var idle = await browser.GetAsync("/office");
            Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
            Assert.StartsWith("/office/dang-nhap", idle.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(SessionEndReason.IdleTimeout, Assert.Single(await SessionsOfAsync(host, userName)).EndReason);
        }
        finally
        {
            host.Time.Now = WebHost.DefaultNow;
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OfficerCookieUsedEvery10Minutes_KeepsWorkingUntilTheAbsoluteLifetime(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        try
        {
            var (browser, _) = await CookieSession.SignInAsync(host, "/office/dang-nhap", "reception.demo", DemoDataSeeder.DemoPassword);
            for (var minutes = 10; minutes < 12 * 60; minutes += 10)
            {
                host.Time.Advance(TimeSpan.FromMinutes(10));
                Assert.True((await browser.GetAsync("/office")).StatusCode == HttpStatusCode.OK, $"refused after {minutes} minutes");
            }
            host.Time.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/office")).StatusCode);
        }
        finally
        {
            host.Time.Now = WebHost.DefaultNow;
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdministratorIdle6Minutes_IsRefused_WhileAnOfficerIsNot(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        try
        {
            var admin = await host.ClientAs("admin.demo");
            var officer = await host.ClientAs("leader.demo");
            host.Time.Advance(TimeSpan.FromMinutes(6));
            Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/statistics/ioc")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/statistics/ioc")).StatusCode);
        }
        finally
        {
            host.Time.Now = WebHost.DefaultNow;
        }
    }

    private static async Task<List<UserSession>> SessionsOfAsync(WebHost host, string userName)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.UserAccounts.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.UserSessions.AsNoTracking().Where(s => s.UserAccountId == id).ToListAsync();
    }
}
