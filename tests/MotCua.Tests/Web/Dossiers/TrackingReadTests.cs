using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>
/// A right tracking answer is one read that writes nothing, shows what the dossier's history says,
/// and is still limited per code; wrong values keep counting in the database.
/// </summary>
public class TrackingReadTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RightAnswer_ShowsTheHistory_AndWritesNothing(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: true);
        var (citizen, phone, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, id, "accept");
        var detail = await GetAsync(reception, id);
        var code = detail.GetProperty("code").GetString()!;

        var response = await LookUpAsync(host, "10.0.0.1", code, phone[^4..]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, answer.GetProperty("code").GetString());
        Assert.Equal(detail.GetProperty("status").GetInt32(), answer.GetProperty("status").GetInt32());
        Assert.Equal(detail.GetProperty("procedureName").GetString(), answer.GetProperty("procedureName").GetString());
        var history = detail.GetProperty("history").EnumerateArray().ToArray();
        var steps = answer.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(history.Length, steps.Length);
        Assert.True(steps.Length >= 2);
        Assert.False(string.IsNullOrEmpty(steps[0].GetProperty("agency").GetString())); // received at an agency: its name, joined in the same read

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.TrackingGuards.AnyAsync(g => g.Code == code));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityId == code && a.Action.StartsWith("security.tracking")));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RightAnswers_AreLimitedPerCodeAndMinute(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: true, new Dictionary<string, string> { ["Tracking:PermitsPerCodePerMinute"] = "3" });
        var (code, check) = await AcceptedAsync(host);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(host, $"10.{i}.0.1", code, check)).StatusCode);
        await Problem.AssertAsync(await LookUpAsync(host, "10.9.0.1", code, check), HttpStatusCode.TooManyRequests, "urn:motcua:problem:tracking-locked");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(host, "10.10.0.1", code, check)).StatusCode);

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == code && a.Action == "security.tracking-refused"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongValues_AreCountedAndAudited_AndARightAnswerClearsThem(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: true);
        var (code, check) = await AcceptedAsync(host);
        var wrong = check == "0000" ? "1111" : "0000";
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(host, $"10.{i}.0.1", code, wrong)).StatusCode);
        await using (var scope = host.Scope())
            Assert.Equal(2, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().TrackingGuards.SingleAsync(g => g.Code == code)).Failures);

        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(host, "10.5.0.1", code, check)).StatusCode);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, (await db.TrackingGuards.AsNoTracking().SingleAsync(g => g.Code == code)).Failures);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityId == code && a.Action == "security.tracking-miss"));
        }
    }

    private static async Task<(string Code, string Check)> AcceptedAsync(WebHost host)
    {
        var (citizen, phone, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, id, "accept");
        return ((await GetAsync(reception, id)).GetProperty("code").GetString()!, phone[^4..]);
    }

    private static async Task<HttpResponseMessage> LookUpAsync(WebHost host, string clientIp, string code, string check)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientIp);
        return await client.GetAsync($"/api/tracking/{Uri.EscapeDataString(code)}?check={check}");
    }
}
