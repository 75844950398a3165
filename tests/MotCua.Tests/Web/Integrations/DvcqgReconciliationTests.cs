using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Core.Calendar;
using MotCua.Simulator;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Features.Integrations.Core;

namespace MotCua.Tests.Web.Integrations;

/// <summary>The DVCQG reconciliation report and indicator 1.4 (docs/domain/decision-766.md#dvcqg-reconciliation).</summary>
public sealed partial class DvcqgReconciliationTests(DvcqgFixture fixture) : IClassFixture<DvcqgFixture>
{
    private static readonly string[] Figures = ["received", "onPortal", "synced", "pending", "failed", "neverSynced"];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailedSync_ShowsAsFailed_ThenSyncedAfterResend_FiguresEqualTheirLists_And14FollowsTheRule(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var from = IsoDate.Format(VietnamTime.Today(host.Time));
        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        var code = await DvcqgFixture.CodeAsync(host, id);
        fixture.Sim(db).State.SetFault("dvcqg", FaultMode.ServerError);
        await DvcqgFixture.DrainAsync(host, id);
        Assert.Equal(SyncState.Failed, (await DvcqgFixture.StateAsync(host, id))!.State);

        // Lists of the whole province: a province-wide reader (StatisticsAudience); an agency's leader is refused them.
        var supervisor = await TestAccounts.NewProvinceWideAsync(host);
        var leader = await host.ClientAs(supervisor, TestAccounts.Password);
        var period = $"from={from}&to={IsoDate.Format(VietnamTime.Today(host.Time))}";
        var before = await FiguresAsync(leader, period);
        Assert.Contains(id, await ListAsync(leader, period, "failed", before));
        Assert.DoesNotContain(id, await ListAsync(leader, period, "synced", before));
        Assert.DoesNotContain(id, await ListAsync(leader, period, "onPortal", before));
        Assert.Equal(Figure(before, "received"), Figure(before, "synced") + Figure(before, "pending") + Figure(before, "failed") + Figure(before, "neverSynced"));
        foreach (var figure in Figures)
            await ListAsync(leader, period, figure, before); // each list's total and items are its figure

        // The office page lists the failed dossier, linking to its page.
        var agencyLeader = await host.ClientAs("leader.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyLeader.GetAsync($"/api/statistics/dvcqg-reconciliation/dossiers?{period}&figure=failed")).StatusCode);
        var officer = await OfficeSignIn.AsAsync(host, supervisor, TestAccounts.Password);
        var page = await officer.GetStringAsync($"/office/bao-cao/doi-soat-dvcqg?{period}&figure=failed");
        Assert.Contains($"<a href=\"/office/ho-so/{id}\">{code}</a>", page, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ đồng bộ lỗi", page, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", page, StringComparison.Ordinal);

        // The administrator resends it from the "Liên thông" page; it syncs and moves from failed to synced.
        fixture.Sim(db).State.SetFault("dvcqg", FaultMode.None);
        var admin = await OfficeSignIn.AsAsync(host, "admin.demo");
        var integrations = await admin.GetStringAsync("/office/lien-thong?ma-ho-so=" + Uri.EscapeDataString(code));
        var resend = await admin.PostAsync("/office/lien-thong?handler=Resend", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = FailedMessageRow().Match(integrations).Groups[1].Value,
            ["code"] = code,
            ["__RequestVerificationToken"] = TokenField().Match(integrations).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        await DvcqgFixture.DrainAsync(host, id);

        period = $"from={from}&to={IsoDate.Format(VietnamTime.Today(host.Time))}";
        var after = await FiguresAsync(leader, period);
        Assert.DoesNotContain(id, await ListAsync(leader, period, "failed", after));
        Assert.Contains(id, await ListAsync(leader, period, "synced", after));
        Assert.Contains(id, await ListAsync(leader, period, "onPortal", after));
        Assert.Equal(Figure(before, "failed") - 1, Figure(after, "failed"));
        Assert.Equal(Figure(before, "onPortal") + 1, Figure(after, "onPortal"));

        // Indicator 1.4 of the same period: on the portal / received, 6 points at most, no target.
        var index = await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/766?period={from}..{IsoDate.Format(VietnamTime.Today(host.Time))}");
        var sync = index.GetProperty("province").GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "1.4");
        Assert.True(sync.GetProperty("computable").GetBoolean());
        Assert.Equal(Figure(after, "onPortal"), sync.GetProperty("inputs").GetProperty("numerator").GetDecimal());
        Assert.Equal(Figure(after, "received"), sync.GetProperty("inputs").GetProperty("denominator").GetDecimal());
        var ratio = (decimal)Figure(after, "onPortal") * 100 / Figure(after, "received");
        Assert.Equal(Math.Round(ratio * 6 / 100, 2, MidpointRounding.AwayFromZero), sync.GetProperty("points").GetDecimal());
        Assert.DoesNotContain(index.GetProperty("notComputable").EnumerateArray(), n => n.GetProperty("id").GetString() == "1.4");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadInput_IsRefusedWithVietnameseMessages(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var leader = await host.ClientAs("leader.demo");
        var response = await leader.GetAsync("/api/statistics/dvcqg-reconciliation/dossiers?from=2026-03-01&to=2026-03-02&figure=nope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Chỉ tiêu phải là một trong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        response = await leader.GetAsync("/api/statistics/dvcqg-reconciliation?from=2026-03-05&to=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        response = await leader.GetAsync("/api/statistics/dvcqg-reconciliation?from=2026-03-01&to=2026-03-02&agency=khong-co-co-quan-nay");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<JsonElement> FiguresAsync(HttpClient client, string period) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/statistics/dvcqg-reconciliation?{period}")).GetProperty("total");

    private static int Figure(JsonElement total, string figure) => total.GetProperty(figure).GetInt32();

    /// <summary>Every dossier id behind a figure, all pages; asserts the list's total is the figure and the pages hold exactly that many.</summary>
    private static async Task<List<long>> ListAsync(HttpClient client, string period, string figure, JsonElement total)
    {
        var ids = new List<long>();
        for (var page = 1; ; page++)
        {
            var list = await client.GetFromJsonAsync<JsonElement>($"/api/statistics/dvcqg-reconciliation/dossiers?{period}&figure={figure}&pageSize=500&page={page}");
            Assert.Equal(Figure(total, figure), list.GetProperty("total").GetInt32());
            var items = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
            ids.AddRange(items);
            if (items.Count < 500)
                break;
        }
        Assert.Equal(Figure(total, figure), ids.Distinct().Count());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<table class=\"dossier-list dossier-messages\">.*?<tr data-message=\"([0-9]+)\">", RegexOptions.Singleline)]
    private static partial Regex FailedMessageRow();
}
