using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organization;

namespace MotCua.Tests.Web.Accounts;

/// <summary>
/// Sign-in as an attacker tries it: brute force on an officer, no second factor, replayed codes,
/// probing for accounts, old password hashes. Each test has its own host, so locks and the clock
/// moved on here touch nobody else.
/// </summary>
public partial class SignInSecurityTests
{
    private const string Token = "/api/auth/token";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Officer_ThirtyWrongPasswords_ThenTheRightOneIsRefusedUntilAnAdministratorUnlocks(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await OfficerAsync(host, OfficerRole.Handler);
        var client = host.Client();
        for (var i = 0; i < 30; i++)
            await Problem.AssertAsync(await client.PostAsJsonAsync(Token, new { userName = officer, password = "sai-mat-khau-" + i }), HttpStatusCode.Unauthorized, "urn:motcua:problem:invalid-credentials");

        var right = await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = await TestTotp.FreshCodeAsync(host, officer) });
        await Problem.AssertAsync(right, HttpStatusCode.Unauthorized, "urn:motcua:problem:invalid-credentials");
        var id = await AccountIdAsync(host, officer);
        var actions = await AuditActionsAsync(host, id);
        Assert.Contains("security.lockout", actions);
        Assert.True(actions.Count(a => a == "security.sign-in-failed") >= 30, string.Join(",", actions));

        var admin = await host.ClientAs(await OfficerAsync(host, OfficerRole.SystemAdmin), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/unlock", null)).StatusCode);
        var afterUnlock = await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = await TestTotp.FreshCodeAsync(host, officer) });
        Assert.Equal(HttpStatusCode.OK, afterUnlock.StatusCode);
        Assert.Contains("security.unlock", await AuditActionsAsync(host, id));
    }

    [Fact]
    public async Task Administrator_UnlocksWithTheButtonOnTheAccountSecurityPage()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false);
        var officer = await OfficerAsync(host, OfficerRole.Handler);
        for (var i = 0; i < 5; i++)
            await host.Client().PostAsJsonAsync(Token, new { userName = officer, password = "sai-mat-khau" });
        var admin = await OfficeSignIn.AsAsync(host, await OfficerAsync(host, OfficerRole.SystemAdmin), TestAccounts.Password);
        var page = await admin.GetStringAsync("/office/bao-mat-tai-khoan");
        Assert.Contains("Tạm khóa đến", page, StringComparison.Ordinal);
        var id = await AccountIdAsync(host, officer);
        var unlock = await PostFormAsync(admin, "/office/bao-mat-tai-khoan?handler=Unlock", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/office/bao-mat-tai-khoan");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.DoesNotContain("Tạm khóa đến", await admin.GetStringAsync("/office/bao-mat-tai-khoan"), StringComparison.Ordinal);
        await host.ClientAs(officer, TestAccounts.Password);
        var handler = await OfficeSignIn.AsAsync(host, await OfficerAsync(host, OfficerRole.Handler), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await handler.GetAsync("/office/bao-mat-tai-khoan")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Officer_FiveFailures_LockFifteenMinutes_ThenTheRightPasswordWorks(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await OfficerAsync(host, OfficerRole.Reception);
        var client = host.Client();
        for (var i = 0; i < 4; i++)
            await client.PostAsJsonAsync(Token, new { userName = officer, password = "sai-mat-khau" });
        // The fifth failure is a wrong code after the right password: it counts the same.
        await Problem.AssertAsync(await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = "000000" }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:invalid-credentials");
        host.Time.Advance(TimeSpan.FromMinutes(14));
        await Problem.AssertAsync(await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = await TestTotp.FreshCodeAsync(host, officer) }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:invalid-credentials");
        host.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var after = await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = await TestTotp.FreshCodeAsync(host, officer) });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Officer_NeedsAValidTotp_AndACodeWorksOnce(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await OfficerAsync(host, OfficerRole.Handler);
        var client = host.Client();
        var missing = await Problem.AssertAsync(await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:mfa-required");
        Assert.EndsWith("mfa-required", missing.GetProperty("type").GetString(), StringComparison.Ordinal);
        var code = TestTotp.At(host.Time.GetUtcNow());
        var wrong = code == "123456" ? "654321" : "123456";
        await Problem.AssertAsync(await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = wrong }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:mfa-invalid");

        var ok = await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = code });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.False(string.IsNullOrEmpty((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
        await Problem.AssertAsync(await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = code }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:mfa-invalid");
        var actions = await AuditActionsAsync(host, await AccountIdAsync(host, officer));
        Assert.Contains("security.sign-in", actions);
        Assert.Equal(2, actions.Count(a => a == "security.mfa-failed"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Officer_EnrolsOnTheOfficePage_RecoveryCodeWorksOnce_AdministratorResets(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await OfficerAsync(host, OfficerRole.Handler, secondFactor: false);
        await Problem.AssertAsync(await host.Client().PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:mfa-required");

        var browser = host.Client(followRedirects: false);
        var login = await PostFormAsync(browser, "/office/dang-nhap", new() { ["userName"] = officer, ["password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/bao-mat/xac-thuc-hai-lop", login.Headers.Location!.OriginalString);
        // Until enrolled, the cookie opens nothing else.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/office/ho-so")).StatusCode);
        var page = await browser.GetStringAsync("/bao-mat/xac-thuc-hai-lop");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        var secret = SecretShown().Match(page).Groups[1].Value;
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(host.Time.GetUtcNow().UtcDateTime);
        var confirmed = await PostFormAsync(browser, "/bao-mat/xac-thuc-hai-lop", new() { ["code"] = code });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = RecoveryCodeShown().Matches(await confirmed.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = codes[3] })).StatusCode);
        await Problem.AssertAsync(await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = codes[3] }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:mfa-invalid");
        await using (var scope = host.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RecoveryCodes.Select(r => r.CodeHash).ToListAsync();
            Assert.DoesNotContain(stored, h => codes.Any(c => h.Contains(c.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
            var protectedSecret = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccountSecurity.Select(s => s.TotpSecret).SingleAsync();
            Assert.DoesNotContain(secret, protectedSecret!, StringComparison.Ordinal);
        }

        var id = await AccountIdAsync(host, officer);
        var admin = await host.ClientAs(await OfficerAsync(host, OfficerRole.SystemAdmin), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/mfa/reset", null)).StatusCode);
        await Problem.AssertAsync(await client.PostAsJsonAsync(Token, new { userName = officer, password = TestAccounts.Password, totp = codes[4] }),
            HttpStatusCode.Unauthorized, "urn:motcua:problem:mfa-required");
        var actions = await AuditActionsAsync(host, id);
        Assert.Contains("security.mfa-enrolled", actions);
        Assert.Contains("security.recovery-code-used", actions);
        Assert.Contains("security.mfa-reset", actions);
        var handler = await host.ClientAs(await OfficerAsync(host, OfficerRole.Handler), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync($"/api/accounts/{id}/unlock", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownAccount_GetsTheAnswerOfAWrongPassword(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await OfficerAsync(host, OfficerRole.Handler);
        var client = host.Client();
        var wrongPassword = await client.PostAsJsonAsync(Token, new { userName = officer, password = "sai-mat-khau", totp = "123456" });
        var unknown = await client.PostAsJsonAsync(Token, new { userName = "khong.ton.tai", password = "sai-mat-khau", totp = "123456" });
        Assert.Equal(wrongPassword.StatusCode, unknown.StatusCode);
        Assert.Equal(await WithoutTraceAsync(wrongPassword), await WithoutTraceAsync(unknown));

        var pageWrong = await PostFormAsync(host.Client(followRedirects: false), "/office/dang-nhap", new() { ["userName"] = officer, ["password"] = "sai-mat-khau" });
        var pageUnknown = await PostFormAsync(host.Client(followRedirects: false), "/office/dang-nhap", new() { ["userName"] = "khong.ton.tai", ["password"] = "sai-mat-khau" });
        Assert.Equal(pageWrong.StatusCode, pageUnknown.StatusCode);
        Assert.Equal(Alerts(await pageWrong.Content.ReadAsStringAsync()), Alerts(await pageUnknown.Content.ReadAsStringAsync()));
        Assert.Contains("unknown", await AuditEntityIdsAsync(host, "security.sign-in-failed"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OldPasswordHash_IsRehashedWith210000Iterations_AtTheNextSignIn(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var phone = "0961234567";
        Assert.Equal(HttpStatusCode.Created, (await host.Client().PostAsJsonAsync("/api/accounts", new
        {
            phone,
            password = TestAccounts.Password,
            fullName = "Hoàng Văn Thử",
            personalId = "020195234567",
            birthDate = "1995-02-03",
        })).StatusCode);
        var old = new PasswordHasher<UserAccount>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await context.UserAccounts.SingleAsync(u => u.UserName == phone);
            account.PasswordHash = old.HashPassword(account, TestAccounts.Password);
            await context.SaveChangesAsync();
        }
        Assert.Equal(100_000, await IterationsAsync(host, phone));
        await host.ClientAs(phone, TestAccounts.Password);
        Assert.Equal(210_000, await IterationsAsync(host, phone));
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerClientNetwork_NotPerAddress()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false, new Dictionary<string, string> { ["SignInProtection:SignInPerClientPerMinute"] = "3" });
        async Task<HttpStatusCode> Attempt(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Token) { Content = JsonContent.Create(new { userName = "khong.ton.tai", password = "sai-mat-khau" }) };
            request.Headers.Add(TestClientAddress.Header, address);
            return (await host.Client().SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await Attempt("127.0.0.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Attempt("127.0.0.2"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Attempt("::1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Attempt("127.0.0.3"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Attempt("203.0.113.7"));
    }

    internal static async Task<string> OfficerAsync(WebHost host, OfficerRole role, bool secondFactor = true)
    {
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await context.Agencies.AnyAsync(a => a.Code == "SEC"))
            {
                context.Agencies.Add(new Agency { Code = "SEC", Name = "Sở thử nghiệm", Qcvn102Code = "000.00.00.T99", ElectronicId = "000.00.00.T99", ValidFrom = new DateOnly(2020, 1, 1) });
                await context.SaveChangesAsync();
            }
        }
        return await TestAccounts.NewOfficerAsync(host, "SEC", role, secondFactor);
    }

    private static async Task<long> AccountIdAsync(WebHost host, string userName)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserAccounts.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<List<string>> AuditActionsAsync(WebHost host, long accountId)
    {
        await using var scope = host.Scope();
        var id = accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(a => a.EntityType == "UserAccount" && a.EntityId == id).Select(a => a.Action).ToListAsync();
    }

    private static async Task<List<string>> AuditEntityIdsAsync(WebHost host, string action)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Where(a => a.Action == action).Select(a => a.EntityId).ToListAsync();
    }

    /// <summary>PasswordHasher v3 layout: marker, PRF (4 bytes), iteration count (4 bytes, big-endian), …</summary>
    private static async Task<int> IterationsAsync(WebHost host, string userName)
    {
        await using var scope = host.Scope();
        var hash = Convert.FromBase64String(await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserAccounts.Where(u => u.UserName == userName).Select(u => u.PasswordHash).SingleAsync());
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5, 4));
    }

    internal static async Task<string> WithoutTraceAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return string.Join(";", body.EnumerateObject().Where(p => p.Name != "traceId").Select(p => p.Name + "=" + p.Value.ToString()));
    }

    private static string Alerts(string page) => string.Join("|", Regex.Matches(page, "role=\"alert\">([^<]*)<").Select(m => m.Groups[1].Value));

    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? pageToRead = null)
    {
        var form = await client.GetStringAsync(pageToRead ?? url);
        fields["__RequestVerificationToken"] = TokenInput().Match(form).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretShown();

    [GeneratedRegex("<li><code>([A-Z2-7-]{19})</code></li>")]
    private static partial Regex RecoveryCodeShown();
}
