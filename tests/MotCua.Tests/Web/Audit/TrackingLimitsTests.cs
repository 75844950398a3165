using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Audit;

/// <summary>Public tracking cannot be enumerated: limits per client network and per code, and a code locks after 10 wrong check values.</summary>
public class TrackingLimitsTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherAddressOfTheSameNetwork_DoesNotGetPastTheLimit(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: false);
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(host, "127.0.0.1", $"X-{i}", "1234")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LookUpAsync(host, "127.0.0.1", "X-30", "1234")).StatusCode);
        // Another loopback address is the same /24: refused too, as is another address of the same IPv6 /64.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LookUpAsync(host, "127.0.0.2", "X-31", "1234")).StatusCode);
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(host, $"2001:db8:1:2::{i + 1:x}", $"Y-{i}", "1234")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LookUpAsync(host, "2001:db8:1:2:ffff::1", "Y-30", "1234")).StatusCode);
        // A different network still gets answers.
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(host, "127.0.1.1", "Z-1", "1234")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TenWrongCheckValues_LockTheCodeForAnHour_ForEveryClient(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: true);
        var (citizen, phone, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        await OkAsync(await host.ClientAs("reception.demo"), id, "accept");
        var code = (await GetAsync(citizen, id)).GetProperty("code").GetString()!;
        var right = phone[^4..];
        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(host, "10.0.1.1", code, right)).StatusCode);

        // Ten wrong values from ten networks (each under its own limit), a minute apart (under the per-code limit).
        for (var i = 0; i < 10; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(1));
            var wrong = ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(host, $"10.{i + 1}.0.1", code, wrong)).StatusCode);
        }
        var locked = await LookUpAsync(host, "10.99.0.1", code, right);
        await Problem.AssertAsync(locked, HttpStatusCode.TooManyRequests, "urn:motcua:problem:tracking-locked");
        host.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LookUpAsync(host, "10.98.0.1", code, right)).StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var open = await LookUpAsync(host, "10.97.0.1", code, right);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(code, (await open.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "security.tracking-locked" && a.EntityId == code));
        Assert.Equal(10, await db.AuditEntries.CountAsync(a => a.Action == "security.tracking-miss" && a.EntityId == code));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OneCode_IsLimitedPerMinute_WhateverTheClient(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: false, new Dictionary<string, string> { ["Tracking:PermitsPerCodePerMinute"] = "5" });
        const string code = "000.00.02.H39-260302-0001";
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(host, $"10.{i}.0.1", code, "1234")).StatusCode);
        await Problem.AssertAsync(await LookUpAsync(host, "10.50.0.1", code, "1234"), HttpStatusCode.TooManyRequests, "urn:motcua:problem:tracking-locked");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(host, "10.51.0.1", code, "1234")).StatusCode);
    }

    private static async Task<HttpResponseMessage> LookUpAsync(WebHost host, string clientIp, string code, string check)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientIp);
        return await client.GetAsync($"/api/tracking/{Uri.EscapeDataString(code)}?check={check}");
    }
}
