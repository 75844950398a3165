using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulator.Vneid;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;

namespace MotCua.Tests.Web.Accounts;

/// <summary>The simulator of the identity providers, shared by the tests of a class (each test starts its own MotCua).</summary>
public sealed class EidSimulator : IAsyncLifetime
{
    public SimulatorHost Simulator { get; private set; } = null!;

    public async Task InitializeAsync() => Simulator = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await Simulator.DisposeAsync();

    public Task<WebHost> StartPortalAsync(DatabaseKind kind) => WebHost.StartAsync(kind, demoData: false, new Dictionary<string, string>
    {
        ["Authentication:VNeID:Authority"] = Simulator.Url("vneid"),
        ["Authentication:VNeID:ClientId"] = OidcProviderProfile.Vneid.ClientId,
        ["Authentication:VNeID:ClientSecret"] = OidcProviderProfile.Vneid.ClientSecret,
        ["Authentication:DVCQG:Authority"] = Simulator.Url("dvcqg-sso"),
        ["Authentication:DVCQG:ClientId"] = OidcProviderProfile.DvcqgSso.ClientId,
        ["Authentication:DVCQG:ClientSecret"] = OidcProviderProfile.DvcqgSso.ClientSecret,
        ["Authentication:DVCQG:AcrValues"] = "LoA1",
    });
}

/// <summary>
/// Sign-in with VNeID and the DVCQG account against the simulated providers over real HTTP: profiles
/// created and linked from the identity claims, the return address kept, and every broken round
/// trip (forged or expired id_token, wrong nonce, tampered state) refused without a session.
/// </summary>
public class EidSignInTests(EidSimulator fixture) : IClassFixture<EidSimulator>
{
    private const string Dan = "020095000101"; // Nông Văn Dân, 3 Feb 1995 (the simulated population database)
    private const string Cu = "020188000102"; // Hoàng Thị Cư, 20 Nov 1988

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FirstSignIn_CreatesAVerifiedProfile_AndTheSecondLinksToIt_BackAtTheReturnAddress(DatabaseKind db)
    {
        await using var host = await fixture.StartPortalAsync(db);
        var first = new EidRoundTrip(host, fixture.Simulator);
        await first.ToProviderAndBackAsync(Dan, "/ho-so/nop?thuTuc=1.001");
        var landed = await first.FollowCallbackAsync();
        Assert.Equal("/ho-so/nop?thuTuc=1.001", landed.Headers.Location!.OriginalString);
        Assert.True(EidRoundTrip.SetsAuthCookie(landed));

        var profile = await first.Portal.GetFromJsonAsync<JsonElement>("/api/accounts/me");
        Assert.Equal("Nông Văn Dân", profile.GetProperty("fullName").GetString());
        Assert.Equal(Dan, profile.GetProperty("personalId").GetString());
        Assert.Equal("1995-02-03", profile.GetProperty("birthDate").GetString());
        Assert.Equal("vneid", profile.GetProperty("identityVerifiedBy").GetString());

        var second = new EidRoundTrip(host, fixture.Simulator);
        await second.ToProviderAndBackAsync(Dan, returnUrl: null);
        Assert.Equal("/ho-so-cua-toi", (await second.FollowCallbackAsync()).Headers.Location!.OriginalString);
        Assert.Equal(Dan, (await second.Portal.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("personalId").GetString());

        await using var scope = host.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await data.UserAccounts.SingleAsync(u => u.PersonalId == Dan);
        Assert.Equal(2, await data.UserSessions.CountAsync(s => s.UserAccountId == account.Id));
        var audit = await data.AuditEntries.Where(a => a.Action == "security.sign-in" && a.EntityId == account.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync();
        Assert.Equal(["eid=vneid;created", "eid=vneid"], audit);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PasswordAccountWithTheSameIdNumber_IsLinked_NotDuplicated_AndKeepsItsPassword(DatabaseKind db)
    {
        await using var host = await fixture.StartPortalAsync(db);
        var signUp = await host.Client().PostAsJsonAsync("/api/accounts", new
        {
            phone = "0912345678",
            password = "Tre-xanh-2026-Lang-Son",
            fullName = "Hoang Thi Cu", // typed without diacritics; the verified name replaces it
            personalId = Cu,
            birthDate = "1988-11-20",
        });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        var accountId = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var trip = new EidRoundTrip(host, fixture.Simulator, "dvcqg");
        await trip.ToProviderAndBackAsync(Cu, "/ho-so-cua-toi");
        Assert.True(EidRoundTrip.SetsAuthCookie(await trip.FollowCallbackAsync()));
        Assert.Contains(fixture.Simulator.State.Requests("dvcqg-sso"), r => r.Path.Contains("acr_values=LoA1", StringComparison.Ordinal));

        await using var scope = host.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await data.UserAccounts.SingleAsync(u => u.PersonalId == Cu);
        Assert.Equal(accountId, account.Id);
        Assert.Equal("Hoàng Thị Cư", account.FullName);
        Assert.Equal("dvcqg", account.EidProvider);
        Assert.NotNull(account.EidVerifiedAt);
        Assert.Equal(1, await data.UserAccounts.CountAsync(u => u.PersonalId == Cu || u.UserName == Cu));
        var password = await host.Client().PostAsJsonAsync("/api/auth/token", new { userName = "0912345678", password = "Tre-xanh-2026-Lang-Son" });
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("wrong-nonce")]
    [InlineData("expired")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-issuer")]
    [InlineData("tampered-state")]
    public async Task BrokenRoundTrip_IsRefused_WithAVietnameseMessage_AndNoSession(string fault)
    {
        await using var host = await fixture.StartPortalAsync(DatabaseKind.Sqlite);
        var trip = new EidRoundTrip(host, fixture.Simulator);
        if (fault != "tampered-state")
            fixture.Simulator.State.SetFlag(OidcProviderProfile.Vneid.IdTokenFlag, fault);
        try
        {
            await trip.ToProviderAndBackAsync(Dan, "/ho-so-cua-toi");
            if (fault == "tampered-state")
                trip.Callback = trip.Callback!.Replace("state=", "state=A", StringComparison.Ordinal);
            var refused = await trip.FollowCallbackAsync();

            Assert.False(EidRoundTrip.SetsAuthCookie(refused));
            Assert.StartsWith("/dang-nhap?loi=xac-thuc&qua=vneid", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var page = await trip.Portal.GetStringAsync(refused.Headers.Location);
            Assert.Contains("Không xác nhận được kết quả đăng nhập bằng VNeID", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await trip.Portal.GetAsync("/api/accounts/me")).StatusCode);
        }
        finally
        {
            fixture.Simulator.State.SetFlag(OidcProviderProfile.Vneid.IdTokenFlag, null);
        }
        await using var scope = host.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await data.UserAccounts.AnyAsync(u => u.PersonalId == Dan));
        Assert.False(await data.UserSessions.AnyAsync());
        Assert.True(await data.AuditEntries.AnyAsync(a => a.Action == "security.sign-in-failed" && a.Details == "reason=eid-xac-thuc;provider=vneid"));
    }

    [Fact]
    public async Task ForeignReturnAddress_IsDropped_AndTheButtonsShowOnlyWhenConfigured()
    {
        await using var host = await fixture.StartPortalAsync(DatabaseKind.Sqlite);
        var trip = new EidRoundTrip(host, fixture.Simulator);
        await trip.ToProviderAndBackAsync(Dan, "//evil.example/ho-so");
        Assert.Equal("/ho-so-cua-toi", (await trip.FollowCallbackAsync()).Headers.Location!.OriginalString);

        var page = await host.Client().GetStringAsync("/dang-nhap?returnUrl=%2Fthu-tuc");
        Assert.Contains("href=\"/dang-nhap/vneid?returnUrl=%2Fthu-tuc\"", page, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập bằng VNeID", page, StringComparison.Ordinal);

        await using var plain = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false);
        Assert.DoesNotContain("VNeID", await plain.Client().GetStringAsync("/dang-nhap"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.Client(followRedirects: false).GetAsync("/dang-nhap/vneid")).StatusCode);
    }
}
