using System.Net;
using System.Net.Http.Json;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Accounts;

/// <summary>Sign-up as an attacker tries it: someone else's ID number, impossible dates, weak passwords, huge fields, probing, flooding.</summary>
public class SignUpSecurityTests
{
    private static int _phone = Random.Shared.Next(1_000_000, 8_999_999);

    private static Dictionary<string, object?> Valid()
    {
        var phone = "097" + Interlocked.Increment(ref _phone).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            ["phone"] = phone,
            ["password"] = "Tre-xanh-2026-Lang-Son",
            ["fullName"] = "Hoàng Thị Thử",
            ["personalId"] = "020196" + phone[^6..],
            ["birthDate"] = "1996-02-03",
            ["address"] = "Thôn Pác Khuông",
        };
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SecondAccountWithTheSameIdNumber_IsRefused_WithTheAnswerOfATakenPhone(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var client = host.Client();
        var first = Valid();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/accounts", first)).StatusCode);

        var sameId = Valid();
        sameId["personalId"] = first["personalId"];
        var byId = await client.PostAsJsonAsync("/api/accounts", sameId);
        var body = await Problem.AssertAsync(byId, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Equal(["account"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var samePhone = Valid();
        samePhone["phone"] = first["phone"];
        var byPhone = await client.PostAsJsonAsync("/api/accounts", samePhone);
        Assert.Equal(await SignInSecurityTests.WithoutTraceAsync(byId), await SignInSecurityTests.WithoutTraceAsync(byPhone));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ImpossibleBirthDates_CommonPasswords_AndHugeFields_AreRefusedByField(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false);
        var client = host.Client();
        async Task AssertRefused(Dictionary<string, object?> request, string field)
        {
            var response = await client.PostAsJsonAsync("/api/accounts", request);
            var body = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
            Assert.Contains(field, body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        var future = Valid();
        future["birthDate"] = "2100-01-01";
        future["personalId"] = "020400" + ((string)future["phone"]!)[^6..]; // century digit 4 = born 2100–2199
        await AssertRefused(future, "birthDate");
        var ancient = Valid();
        ancient["birthDate"] = "1890-01-01";
        ancient["personalId"] = "020090" + ((string)ancient["phone"]!)[^6..];
        await AssertRefused(ancient, "birthDate");
        var child = Valid();
        child["birthDate"] = "2020-01-01";
        child["personalId"] = "020220" + ((string)child["phone"]!)[^6..];
        await AssertRefused(child, "birthDate");

        foreach (var common in new[] { "password12", "matkhau123", "1234567890", "Password123" })
        {
            var weak = Valid();
            weak["password"] = common;
            await AssertRefused(weak, "password");
        }

        var huge = Valid();
        huge["address"] = new string('a', 1024 * 1024);
        var response = await client.PostAsJsonAsync("/api/accounts", huge);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        var longName = Valid();
        longName["fullName"] = new string('b', 101);
        await AssertRefused(longName, "fullName");

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/accounts", Valid())).StatusCode);
    }

    [Fact]
    public async Task SignUp_IsRateLimitedPerClientNetwork_AnotherLoopbackAddressDoesNotGetThrough()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false, new Dictionary<string, string> { ["SignInProtection:SignUpPerClientPerHour"] = "2" });
        async Task<HttpStatusCode> SignUp(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts") { Content = JsonContent.Create(Valid()) };
            request.Headers.Add(TestClientAddress.Header, address);
            return (await host.Client().SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Created, await SignUp("127.0.0.1"));
        Assert.Equal(HttpStatusCode.Created, await SignUp("127.0.0.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignUp("127.0.0.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignUp("::ffff:127.0.0.9"));
        Assert.Equal(HttpStatusCode.Created, await SignUp("198.51.100.20"));
        Assert.Equal(HttpStatusCode.Created, await SignUp("2001:db8:1::5"));
        Assert.Equal(HttpStatusCode.Created, await SignUp("2001:db8:1::6"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignUp("2001:db8:1::ffff"));
    }
}
