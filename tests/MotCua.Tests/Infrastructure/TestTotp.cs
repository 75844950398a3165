using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.DemoData;
using OtpNet;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// TOTP codes for the test officers (all enrolled with the demo secret) on the host's FakeTime.
/// Tests sign in the same officer many times within one 30-second step; a code is accepted once,
/// so the helper forgets the last used step first. Tests of replay itself use <see cref="At"/>.
/// </summary>
public static class TestTotp
{
    public static string At(DateTimeOffset time) => new Totp(Base32Encoding.ToBytes(DemoSecondFactor.Secret)).ComputeTotp(time.UtcDateTime);

    public static async Task<string> FreshCodeAsync(WebHost host, string userName)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var name = userName.Trim().ToLowerInvariant();
        await db.AccountSecurity.Where(s => db.UserAccounts.Any(u => u.Id == s.UserAccountId && u.UserName == name))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TotpLastStep, (long?)null));
        return At(host.Time.GetUtcNow());
    }
}
