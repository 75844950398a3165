using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;

namespace MotCua.Tests.Web.Accounts;

/// <summary>
/// Passkeys as the second factor, against a software authenticator that signs for real: added
/// through the API, used on the office sign-in page instead of the TOTP code, removed; a cloned
/// authenticator (counter going back), another origin and another challenge are refused.
/// </summary>
public partial class PasskeyTests
{
    private const string Login = "/office/dang-nhap";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Passkey_AddedThenUsedInsteadOfTheCode_ThenRemoved(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler);
        var api = await host.ClientAs(officer, TestAccounts.Password);
        using var key = new SoftwareAuthenticator();
        await RegisterAsync(api, key, "Khóa USB");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/accounts/me/passkeys");
        Assert.Equal("Khóa USB", list[0].GetProperty("name").GetString());

        var browser = host.Client(followRedirects: false);
        var offer = await PasswordOnlyAsync(browser, officer);
        var signedIn = await WithPasskeyAsync(browser, officer, offer.ChallengeId, key.Assert(offer.Options));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/office/ho-so")).StatusCode);
        Assert.Contains("<td>Khóa USB</td>", await browser.GetStringAsync("/bao-mat/xac-thuc-hai-lop"), StringComparison.Ordinal);

        // The challenge served once: the same id again, even with a fresh signature, is refused.
        var replay = await WithPasskeyAsync(host.Client(followRedirects: false), officer, offer.ChallengeId, key.Assert(offer.Options));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        var id = list[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/accounts/me/passkeys/{id}")).StatusCode);
        Assert.Empty(await api.GetFromJsonAsync<JsonElement[]>("/api/accounts/me/passkeys") ?? []);
        Assert.DoesNotContain("data-passkey-sign-in", await (await PostLoginAsync(host.Client(followRedirects: false), officer, [])).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var audit = await AuditAsync(host, officer);
        Assert.Contains(audit, a => a.Action == "security.passkey-registered");
        Assert.Contains(audit, a => a.Action == "security.passkey-used");
        Assert.Contains(audit, a => a.Action == "security.sign-in" && a.Details == "mfa=passkey");
        Assert.Contains(audit, a => a.Action == "security.passkey-removed");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Passkey_OtherOrigin_OtherChallenge_AndClonedCounter_AreRefused(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler);
        using var key = new SoftwareAuthenticator();
        await RegisterAsync(await host.ClientAs(officer, TestAccounts.Password), key, "Điện thoại");
        var browser = host.Client(followRedirects: false);

        var offer = await PasswordOnlyAsync(browser, officer);
        key.Origin = "http://evil.example";
        var phished = await WithPasskeyAsync(browser, officer, offer.ChallengeId, key.Assert(offer.Options));
        Assert.Equal(HttpStatusCode.Unauthorized, phished.StatusCode);
        key.Origin = "http://localhost";

        offer = await PasswordOnlyAsync(browser, officer);
        var otherChallenge = SoftwareAuthenticator.Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithPasskeyAsync(browser, officer, offer.ChallengeId, key.Assert(offer.Options, otherChallenge))).StatusCode);

        // A good assertion moves the stored counter to 10; a copy of the key still at 4 is a clone.
        offer = await PasswordOnlyAsync(browser, officer);
        key.Counter = 9;
        Assert.Equal(HttpStatusCode.Redirect, (await WithPasskeyAsync(browser, officer, offer.ChallengeId, key.Assert(offer.Options))).StatusCode);
        var clone = host.Client(followRedirects: false);
        offer = await PasswordOnlyAsync(clone, officer);
        key.Counter = 3;
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithPasskeyAsync(clone, officer, offer.ChallengeId, key.Assert(offer.Options))).StatusCode);

        var failures = (await AuditAsync(host, officer)).Where(a => a.Action == "security.mfa-failed").Select(a => a.Details ?? "").ToList();
        Assert.Equal(3, failures.Count);
        Assert.Equal(2, failures.Count(d => d.StartsWith("reason=passkey;", StringComparison.Ordinal)));
        Assert.Single(failures, d => d.StartsWith("reason=passkey-counter;", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Passkey_RegistrationFromAnotherOrigin_OrWithoutTotp_IsRefused(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var officer = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler);
        var api = await host.ClientAs(officer, TestAccounts.Password);
        using var key = new SoftwareAuthenticator { Origin = "http://evil.example" };
        var begin = await (await api.PostAsync("/api/accounts/me/passkeys/options", null)).Content.ReadFromJsonAsync<JsonElement>();
        var finish = await api.PostAsJsonAsync("/api/accounts/me/passkeys", new { challengeId = begin.GetProperty("challengeId").GetString(), name = "Khóa", credential = key.Register(begin.GetProperty("options")) });
        await Problem.AssertAsync(finish, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        var garbage = await api.PostAsJsonAsync("/api/accounts/me/passkeys", new { challengeId = new string('a', 64), name = "Khóa", credential = new { id = 1, response = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Empty(await api.GetFromJsonAsync<JsonElement[]>("/api/accounts/me/passkeys") ?? []);

        var citizenWithoutTotp = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler, secondFactor: false);
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await context.UserAccounts.Where(u => u.UserName == citizenWithoutTotp).ExecuteUpdateAsync(u => u.SetProperty(x => x.Kind, AccountKind.Applicant));
        }
        var applicant = await host.ClientAs(citizenWithoutTotp, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Conflict, (await applicant.PostAsync("/api/accounts/me/passkeys/options", null)).StatusCode);
    }

    private static async Task RegisterAsync(HttpClient api, SoftwareAuthenticator key, string name)
    {
        var begin = await api.PostAsync("/api/accounts/me/passkeys/options", null);
        Assert.Equal(HttpStatusCode.OK, begin.StatusCode);
        var body = await begin.Content.ReadFromJsonAsync<JsonElement>();
        var finish = await api.PostAsJsonAsync("/api/accounts/me/passkeys", new { challengeId = body.GetProperty("challengeId").GetString(), name, credential = key.Register(body.GetProperty("options")) });
        Assert.True(finish.StatusCode == HttpStatusCode.Created, await finish.Content.ReadAsStringAsync());
    }

    /// <summary>The password alone: 401 with the passkey options offered on the page.</summary>
    private static async Task<(string ChallengeId, JsonElement Options)> PasswordOnlyAsync(HttpClient browser, string officer)
    {
        var response = await PostLoginAsync(browser, officer, []);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var options = OptionsAttribute().Match(page);
        Assert.True(options.Success, "the page offers the passkey");
        return (ChallengeInput().Match(page).Groups[1].Value, JsonDocument.Parse(WebUtility.HtmlDecode(options.Groups[1].Value)).RootElement.Clone());
    }

    private static Task<HttpResponseMessage> WithPasskeyAsync(HttpClient browser, string officer, string challengeId, string assertion) =>
        PostLoginAsync(browser, officer, new() { ["passkeyChallenge"] = challengeId, ["passkeyResponse"] = assertion });

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string officer, Dictionary<string, string> extra)
    {
        var fields = new Dictionary<string, string>(extra) { ["userName"] = officer, ["password"] = TestAccounts.Password };
        return SignInSecurityTests.PostFormAsync(browser, Login, fields);
    }

    private static async Task<List<(string Action, string? Details)>> AuditAsync(WebHost host, string userName)
    {
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = (await context.UserAccounts.SingleAsync(u => u.UserName == userName)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await context.AuditEntries.Where(a => a.EntityType == "UserAccount" && a.EntityId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.Details }).ToListAsync()).Select(a => (a.Action, a.Details)).ToList();
    }

    [GeneratedRegex("data-options=\"([^\"]+)\"")]
    private static partial Regex OptionsAttribute();

    [GeneratedRegex("name=\"passkeyChallenge\" value=\"([0-9a-f]{64})\"")]
    private static partial Regex ChallengeInput();
}
