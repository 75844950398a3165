using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulator;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Tests.Web.Integrations;

/// <summary>Failures are retried, then shown on the "Liên thông" page, where the administrator resends and pauses (docs/integrations/integration-layer.md#page).</summary>
public sealed partial class IntegrationsPageTests(DvcqgFixture fixture) : IClassFixture<DvcqgFixture>
{
    public static TheoryData<DatabaseKind, FaultMode, string> Faults()
    {
        var data = new TheoryData<DatabaseKind, FaultMode, string>();
        foreach (var kind in Databases.Kinds)
        {
            data.Add(kind, FaultMode.ServerError, "HTTP 500");
            data.Add(kind, FaultMode.MalformedJson, "không phải JSON hợp lệ");
            data.Add(kind, FaultMode.Slow, "quá thời gian chờ");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task FaultyAnswers_RetriedThenFailedOnThePage_AdministratorResendsAndItSyncs(DatabaseKind db, FaultMode fault, string error)
    {
        var host = await fixture.Get(db);
        fixture.Sim(db).State.SlowDelay = TimeSpan.FromSeconds(10);
        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        var code = await DvcqgFixture.CodeAsync(host, id);
        fixture.Sim(db).State.SetFault("dvcqg", fault);
        await DvcqgFixture.DrainAsync(host, id); // three attempts (Outbox:MaxAttempts), then given up

        var state = await DvcqgFixture.StateAsync(host, id);
        Assert.Equal(SyncState.Failed, state!.State);
        Assert.Contains(error, state.LastError, StringComparison.Ordinal);
        var admin = await OfficeSignIn.AsAsync(host, "admin.demo");
        var page = await admin.GetStringAsync("/office/lien-thong?ma-ho-so=" + Uri.EscapeDataString(code));
        Assert.Contains("Đồng bộ lỗi", page, StringComparison.Ordinal);
        Assert.Contains(error, page, StringComparison.Ordinal);
        var messageId = long.Parse(FailedMessageRow().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        fixture.Sim(db).State.SetFault("dvcqg", FaultMode.None);
        var resend = await admin.PostAsync("/office/lien-thong?handler=Resend", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = messageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["code"] = code,
            ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        await DvcqgFixture.DrainAsync(host, id);

        Assert.Equal(SyncState.Synced, (await DvcqgFixture.StateAsync(host, id))!.State);
        Assert.NotNull(fixture.Record(db, code));
        Assert.Contains("Đã đồng bộ", await admin.GetStringAsync("/office/lien-thong?ma-ho-so=" + Uri.EscapeDataString(code)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PausedTarget_KeepsItsMessagesUntilResumed(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var admin = await OfficeSignIn.AsAsync(host, "admin.demo");
        var page = await admin.GetStringAsync("/office/lien-thong");
        await PostAsync(admin, "Pause", Token(page), ("target", "dvcqg"), ("paused", "true"));
        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        var code = await DvcqgFixture.CodeAsync(host, id);
        await host.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        Assert.Null(fixture.Record(db, code));
        page = await admin.GetStringAsync("/office/lien-thong");
        Assert.Contains("class=\"status\">Tạm dừng<", QueueRow(page, "dvcqg"), StringComparison.Ordinal);
        Assert.Matches("class=\"queued\">[1-9]", QueueRow(page, "dvcqg"));

        await PostAsync(admin, "Pause", Token(page), ("target", "dvcqg"), ("paused", "false"));
        await DvcqgFixture.DrainAsync(host, id);
        Assert.NotNull(fixture.Record(db, code));
    }

    [Fact]
    public async Task Page_IsForAdministratorsOnly()
    {
        var host = await fixture.Get(DatabaseKind.Sqlite);
        var reception = await OfficeSignIn.AsAsync(host, "reception.demo");
        var response = await reception.GetAsync("/office/lien-thong");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task PostAsync(HttpClient client, string handler, string token, params (string Key, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Key, f => f.Value);
        form["__RequestVerificationToken"] = token;
        var response = await client.PostAsync($"/office/lien-thong?handler={handler}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string Token(string page) => TokenField().Match(page).Groups[1].Value;

    private static string QueueRow(string page, string target)
    {
        var start = page.IndexOf($"<tr data-target=\"{target}\">", StringComparison.Ordinal);
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<table class=\"dossier-list dossier-messages\">.*?<tr data-message=\"([0-9]+)\">", RegexOptions.Singleline)]
    private static partial Regex FailedMessageRow();
}
