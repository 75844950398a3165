using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Features.Accounts;

namespace MotCua.Tests.Web.Statistics;

/// <summary>
/// Lists that name dossiers or officers reach the reader's agency and its units only; the whole
/// province needs statistics.province (StatisticsAudience). The demo's dossiers are decided by the
/// Department of Finance (STC); its handling officer is handler.demo.
/// </summary>
[Collection(DemoCollection.Name)]
public class StatisticsAudienceTests(DemoHosts hosts)
{
    private const string Period = "from=2025-09-01&to=2026-03-01";
    private const string Drill = "/api/statistics/report-06a/dossiers?" + Period + "&figure=received&pageSize=500";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HealthOfficer_CannotListFinancesDossiers_ButListsTheirOwn(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var health = await host.ClientAs(await TestAccounts.NewOfficerAsync(host, "SYT", OfficerRole.Leader), TestAccounts.Password);
        var finance = await host.ClientAs("leader.demo");
        var financeList = await finance.GetFromJsonAsync<JsonElement>(Drill + "&competentAgency=STC");
        Assert.True(financeList.GetProperty("total").GetInt32() > 0);

        foreach (var scope in new[] { "", "&competentAgency=STC", "&agency=STC", "&agency=UBND-TINH", "&agency=STC&competentAgency=STC" })
        {
            var body = await Problem.AssertAsync(await health.GetAsync(Drill + scope), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
            Assert.DoesNotContain("items", body.ToString(), StringComparison.Ordinal);
        }
        var own = await health.GetFromJsonAsync<JsonElement>(Drill + "&agency=SYT");
        Assert.All(own.GetProperty("items").EnumerateArray(), d => Assert.Equal("SYT", d.GetProperty("competentAgencyCode").GetString()));
        // Finance's own leader lists the whole of Finance, but not the province.
        await Problem.AssertAsync(await finance.GetAsync(Drill), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");

        // The office pages: the list is refused with a message, and the report links no list the reader cannot open.
        var page = await OfficeSignIn.AsAsync(host, await TestAccounts.NewOfficerAsync(host, "SYT", OfficerRole.Leader), TestAccounts.Password);
        var refused = await page.GetAsync("/office/bao-cao/06a/ho-so?" + Period + "&figure=received&competentAgency=STC");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("cơ quan mình", html, StringComparison.Ordinal);
        foreach (var item in financeList.GetProperty("items").EnumerateArray())
            Assert.DoesNotContain(item.GetProperty("code").GetString()!, html, StringComparison.Ordinal);
        var report = await page.GetStringAsync("/office/bao-cao/06a?" + Period);
        Assert.Contains("Sở Tài chính", report, StringComparison.Ordinal); // the aggregate report stays province-wide
        // Only the rows of the reader's own agencies link to their lists (the demo's Health row, if any).
        Assert.All(Regex.Matches(report, "href=\"(/office/bao-cao/06a/ho-so[^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)),
            link => Assert.Contains("competentAgency=SYT", link, StringComparison.Ordinal));
        Assert.DoesNotContain("/office/bao-cao/06a/ho-so", await page.GetStringAsync("/office/bao-cao/06b?" + Period), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ProvinceWideReader_ListsEveryAgencysDossiers(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var user = await TestAccounts.NewProvinceWideAsync(host);
        var province = await host.ClientAs(user, TestAccounts.Password);
        var all = await province.GetFromJsonAsync<JsonElement>(Drill);
        var finance = await province.GetFromJsonAsync<JsonElement>(Drill + "&competentAgency=STC");
        Assert.True(finance.GetProperty("total").GetInt32() > 0);
        Assert.True(all.GetProperty("total").GetInt32() >= finance.GetProperty("total").GetInt32());
        var page = await OfficeSignIn.AsAsync(host, user, TestAccounts.Password);
        var html = await page.GetStringAsync("/office/bao-cao/06a?" + Period);
        Assert.Contains("/office/bao-cao/06a/ho-so", html, StringComparison.Ordinal);
        var list = await page.GetAsync("/office/bao-cao/06a/ho-so?" + Period + "&figure=received&competentAgency=STC");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(finance.GetProperty("items")[0].GetProperty("code").GetString()!, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Evaluation_ShowsOnlyTheReadersOwnOfficers_UnlessProvinceWide(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        static async Task<(string[] Officers, string?[] OfficerAgencies, string[] Agencies)> EvaluationAsync(HttpClient client)
        {
            var report = await client.GetFromJsonAsync<JsonElement>("/api/statistics/evaluation-01?" + Period);
            var officers = report.GetProperty("officers").EnumerateArray().ToList();
            return (officers.Select(o => o.GetProperty("userName").GetString()!).ToArray(), officers.Select(o => o.GetProperty("agencyCode").GetString()).ToArray(),
                report.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToArray());
        }
        var health = await EvaluationAsync(await host.ClientAs(await TestAccounts.NewOfficerAsync(host, "SYT", OfficerRole.Leader), TestAccounts.Password));
        var finance = await EvaluationAsync(await host.ClientAs("leader.demo"));
        var province = await EvaluationAsync(await host.ClientAs(await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password));

        Assert.Contains("handler.demo", province.Officers);
        Assert.Contains("handler.demo", finance.Officers);
        Assert.DoesNotContain("handler.demo", health.Officers);
        Assert.All(health.OfficerAgencies, code => Assert.Equal("SYT", code));
        Assert.Contains(province.OfficerAgencies, code => code != "SYT");
        // Agencies' scores name no one: the same for every reader.
        Assert.Contains("STC", health.Agencies);
        Assert.Equal(province.Agencies, health.Agencies);

        var page = await OfficeSignIn.AsAsync(host, await TestAccounts.NewOfficerAsync(host, "SYT", OfficerRole.Leader), TestAccounts.Password);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/office/bao-cao/danh-gia-01?" + Period));
        Assert.Contains("Sở Tài chính", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàng Văn Minh", html, StringComparison.Ordinal);
    }
}
