using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using OtpNet;

namespace MotCua.Tests.Web.Accounts;

/// <summary>A citizen turns TOTP off again with the password and a current code; an officer cannot.</summary>
public class DisableMfaTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Citizen_TurnsTotpOff_WithPasswordAndCurrentCode_Only(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var citizen = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler, secondFactor: false);
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserAccounts.Where(u => u.UserName == citizen)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Kind, AccountKind.Applicant));
        var api = await host.ClientAs(citizen, TestAccounts.Password);
        var setup = await (await api.PostAsync("/api/accounts/me/mfa", null)).Content.ReadFromJsonAsync<JsonElement>();
        var totp = new Totp(Base32Encoding.ToBytes(setup.GetProperty("secret").GetString()!));
        string Code() => totp.ComputeTotp(host.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/accounts/me/mfa/confirm", new { code = Code() })).StatusCode);
        await Problem.AssertAsync(await host.Client().PostAsJsonAsync("/api/auth/token", new { userName = citizen, password = TestAccounts.Password }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:mfa-required");

        host.Time.Advance(TimeSpan.FromSeconds(30));
        await Problem.AssertAsync(await api.PostAsJsonAsync("/api/accounts/me/mfa/disable", new { password = "sai-mat-khau-1", code = Code() }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await api.PostAsJsonAsync("/api/accounts/me/mfa/disable", new { password = TestAccounts.Password, code = "000000" }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/accounts/me/mfa/disable", new { password = TestAccounts.Password, code = Code() })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.Client().PostAsJsonAsync("/api/auth/token", new { userName = citizen, password = TestAccounts.Password })).StatusCode);
        Assert.False((await api.GetFromJsonAsync<JsonElement>("/api/accounts/me/mfa")).GetProperty("enabled").GetBoolean());
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = (await context.UserAccounts.SingleAsync(u => u.UserName == citizen)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var actions = await context.AuditEntries.Where(a => a.EntityType == "UserAccount" && a.EntityId == id).Select(a => a.Action).ToListAsync();
            Assert.Single(actions, "security.mfa-disabled");
            Assert.Equal(2, actions.Count(a => a == "security.mfa-failed"));
        }

        var officer = await host.ClientAs(await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/accounts/me/mfa/disable", new { password = TestAccounts.Password, code = TestTotp.At(host.Time.GetUtcNow()) })).StatusCode);
    }
}
