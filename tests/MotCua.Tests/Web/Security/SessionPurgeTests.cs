using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security.Passkeys;
using MotCua.Web.Features.Accounts.Sessions;

namespace MotCua.Tests.Web.Security;

/// <summary>The purge of old session rows (one per token) and expired passkey challenges.</summary>
public class SessionPurgeTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Purge_RemovesSessionsEndedOrExpiredMoreThanAWeekAgo_AndExpiredChallenges_KeepsTheRest(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler);
        var signedOut = await host.ClientAs(officer, TestAccounts.Password);
        await host.ClientAs(officer, TestAccounts.Password); // its token expires after an hour
        Assert.Equal(HttpStatusCode.NoContent, (await signedOut.PostAsync("/api/auth/sign-out", null)).StatusCode);

        host.Time.Advance(TimeSpan.FromDays(2));
        await host.ClientAs(officer, TestAccounts.Password); // expired 6 days before the purge: kept
        host.Time.Advance(TimeSpan.FromDays(6));
        var current = await host.ClientAs(officer, TestAccounts.Password);

        var now = host.Time.GetUtcNow().UtcDateTime;
        long accountId;
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            accountId = await context.UserAccounts.Where(u => u.UserName == officer).Select(u => u.Id).SingleAsync();
            context.PasskeyChallenges.Add(new PasskeyChallenge { Id = new string('a', 64), UserAccountId = accountId, OptionsJson = "{}", ExpiresAt = now.AddMinutes(-1) });
            context.PasskeyChallenges.Add(new PasskeyChallenge { Id = new string('b', 64), UserAccountId = accountId, OptionsJson = "{}", ExpiresAt = now.AddMinutes(4) });
            await context.SaveChangesAsync();
        }

        var (sessions, challenges) = await host.Services.GetRequiredService<SessionPurge>().RunOnceAsync(CancellationToken.None);

        Assert.Equal((2, 1), (sessions, challenges));
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(2, await context.UserSessions.CountAsync(s => s.UserAccountId == accountId));
            Assert.Equal(new string('b', 64), (await context.PasskeyChallenges.SingleAsync()).Id);
        }
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/api/accounts/me/mfa")).StatusCode);
    }
}
