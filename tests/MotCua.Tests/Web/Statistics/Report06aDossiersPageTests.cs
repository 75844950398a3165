using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Features.DemoData;
using MotCua.Web.Features.Statistics;
using MotCua.Web.Pages.Office;

namespace MotCua.Tests.Web.Statistics;

/// <summary>The office pages: every figure of /office/bao-cao/06a opens /office/bao-cao/06a/ho-so with the dossiers behind it.</summary>
[Collection(DemoCollection.Name)]
public partial class Report06aDossiersPageTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryFigureCellOfThe06aPage_LinksToAListWithThatMany(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        // Lists of the whole province: a province-wide reader (StatisticsAudience).
        var supervisor = await TestAccounts.NewProvinceWideAsync(host);
        var leader = await OfficeSignIn.AsAsync(host, supervisor, TestAccounts.Password);
        var api = await host.ClientAs(supervisor, TestAccounts.Password);
        foreach (var scope in new[] { "", "&agency=STC" })
        {
            var query = "from=2025-12-01&to=2026-02-28" + scope;
            var report = await api.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?" + query);
            var expectedRows = report.GetProperty("rows").EnumerateArray().Append(report.GetProperty("total")).ToList();
            var html = await leader.GetStringAsync("/office/bao-cao/06a?" + query);
            // The page leads with the total, then one table per level of government (subtotal rows carry no links).
            var rows = Row().Matches(html).Select(m => Cell().Matches(m.Groups[1].Value).Select(c => c.Groups[1].Value.Trim()).ToList()).Where(c => c.Count > 0).ToList();
            Assert.Equal(expectedRows.Count, rows.Count);
            var byName = rows.ToDictionary(c => WebUtility.HtmlDecode(c[1]));
            var links = 0;
            foreach (var expected in expectedRows)
            {
                var cells = byName[expected.GetProperty("agencyName").GetString()!];
                var code = expected.GetProperty("agencyCode").GetString();
                Assert.Equal(2 + Report06aFigurePredicates.Columns.Count, cells.Count);
                foreach (var (figure, k) in Report06aFigurePredicates.Columns.Select((f, k) => (f, k + 2)))
                {
                    var value = expected.GetProperty("figures").GetProperty(Report06aDossiersHandler.Key(figure)).GetInt32();
                    if (value == 0)
                    {
                        Assert.Equal("0", cells[k]);
                        continue;
                    }
                    var link = Link().Match(cells[k]);
                    Assert.True(link.Success, $"{code} {figure}: {cells[k]}");
                    Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), link.Groups[2].Value);
                    var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                    Assert.Contains($"figure={Report06aDossiersHandler.Key(figure)}", href, StringComparison.Ordinal);
                    Assert.Equal(string.IsNullOrEmpty(code), !href.Contains("competentAgency=", StringComparison.Ordinal));
                    Assert.Equal(scope.Length > 0, href.Contains("agency=STC", StringComparison.Ordinal));
                    var list = await leader.GetStringAsync(href);
                    Assert.Contains($"<h1>{Report06aFigurePredicates.Name(figure)}</h1>", list, StringComparison.Ordinal);
                    Assert.Contains($"{value} hồ sơ.", list, StringComparison.Ordinal);
                    links++;
                }
            }
            Assert.True(links > 10, $"{links} links");
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ListPage_ShowsTheDossiersLinkingToTheirPages_WithPagingAndLateness(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        // Lists of the whole province: a province-wide reader (StatisticsAudience).
        var supervisor = await TestAccounts.NewProvinceWideAsync(host);
        var leader = await OfficeSignIn.AsAsync(host, supervisor, TestAccounts.Password);
        var api = await host.ClientAs(supervisor, TestAccounts.Password);
        const string late = "from=2025-12-01&to=2026-02-28&figure=solvedLate";
        var first = await api.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a/dossiers?{late}&pageSize={Report06aDossiersModel.PageSize}");
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        var html = await leader.GetStringAsync("/office/bao-cao/06a/ho-so?" + late);
        Assert.Contains("<h1>Giải quyết quá hạn</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Kỳ báo cáo: từ ngày 01/12/2025 đến ngày 28/02/2026 · Toàn tỉnh", html, StringComparison.Ordinal);
        Assert.Contains($"{first.GetProperty("total").GetInt32()} hồ sơ.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/office/bao-cao/06a?from=2025-12-01&amp;to=2026-02-28\"", html, StringComparison.Ordinal);
        foreach (var item in items)
        {
            Assert.Contains($"<a href=\"/office/ho-so/{item.GetProperty("id").GetInt64()}\">{item.GetProperty("code").GetString()}</a>", html, StringComparison.Ordinal);
            Assert.Contains($"<td>{OfficeDisplay.Duration(item.GetProperty("lateByMinutes").GetInt64())}</td>", html, StringComparison.Ordinal);
        }

        var stc = await leader.GetStringAsync("/office/bao-cao/06a/ho-so?from=2025-12-01&to=2026-02-28&agency=STC&channel=Online&figure=received");
        Assert.Contains("Sở Tài chính tỉnh Lạng Sơn (gồm các đơn vị trực thuộc) · Kênh: Trực tuyến", stc, StringComparison.Ordinal);

        // Paging, on a list longer than a page.
        const string received = "from=2025-12-01&to=2026-02-28&figure=received";
        var total = (await api.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a/dossiers?{received}&pageSize=1")).GetProperty("total").GetInt32();
        Assert.True(total > Report06aDossiersModel.PageSize, "the demo has more dossiers than one page");
        var one = await leader.GetStringAsync("/office/bao-cao/06a/ho-so?" + received);
        Assert.Contains("page=2\" rel=\"next\"", one, StringComparison.Ordinal);
        var two = await leader.GetStringAsync("/office/bao-cao/06a/ho-so?" + received + "&page=2");
        Assert.Contains($"Trang 2 / {(total + Report06aDossiersModel.PageSize - 1) / Report06aDossiersModel.PageSize}", two, StringComparison.Ordinal);
        var secondApi = await api.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a/dossiers?{received}&pageSize={Report06aDossiersModel.PageSize}&page=2");
        var id = secondApi.GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Contains($"href=\"/office/ho-so/{id}\"", two, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/office/ho-so/{id}\"", one, StringComparison.Ordinal);

        // The code opens the dossier page, which applies its own scope: the leader of STC sees STC's dossiers only.
        var own = (await api.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a/dossiers?{received}&competentAgency=STC&pageSize=1"))
            .GetProperty("items")[0].GetProperty("id").GetInt64();
        var stcLeader = await SignInAsync(host, "leader.demo");
        Assert.Equal(HttpStatusCode.OK, (await stcLeader.GetAsync($"/office/ho-so/{own}")).StatusCode);
        var rows = (await api.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?from=2025-12-01&to=2026-02-28")).GetProperty("rows").EnumerateArray();
        var otherAgency = rows.First(r => r.GetProperty("agencyCode").GetString() != "STC" && r.GetProperty("received").GetInt32() > 0).GetProperty("agencyCode").GetString();
        var other = (await api.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a/dossiers?{received}&competentAgency={otherAgency}&pageSize=1"))
            .GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await stcLeader.GetAsync($"/office/ho-so/{other}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ListPage_BadInputIs400WithAVietnameseMessage_AndOnlyForStatistics(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await SignInAsync(host, "leader.demo");
        foreach (var (query, message) in new[]
        {
            ("from=2026-01-01&to=2026-01-31", "Chỉ tiêu: Chỉ tiêu phải là một trong"),
            ("from=2026-01-01&to=2026-01-31&figure=tong", "Chỉ tiêu: Chỉ tiêu phải là một trong"),
            ("from=2026-02-01&to=2026-01-31&figure=received", "Đến ngày: Ngày kết thúc phải sau ngày bắt đầu."),
            ("from=2026-02-31&to=2026-03-31&figure=received", "Từ ngày: Ngày phải có dạng YYYY-MM-DD"),
            ("from=2026-01-01&to=2026-01-31&figure=received&page=-1", "Trang: Giá trị phải là số nguyên"),
            ("from=2026-01-01&to=2026-01-31&figure=received&agency=KHONG-CO", "Không tìm thấy cơ quan với mã hoặc tên này; hãy chọn trong danh sách."),
        })
        {
            var response = await leader.GetAsync("/office/bao-cao/06a/ho-so?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var handler = await SignInAsync(host, "handler.demo");
        var refused = await handler.GetAsync("/office/bao-cao/06a/ho-so?from=2026-01-01&to=2026-01-31&figure=received");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/office/khong-co-quyen", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var anonymous = await host.Client(followRedirects: false).GetAsync("/office/bao-cao/06a/ho-so?from=2026-01-01&to=2026-01-31&figure=received");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/office/dang-nhap", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1 phút")]
    [InlineData(60, "1 giờ")]
    [InlineData(2 * 1440 + 3 * 60, "2 ngày 3 giờ")]
    [InlineData(1440 + 5, "1 ngày 5 phút")]
    [InlineData(3 * 60 + 59, "3 giờ 59 phút")]
    public void LateBy_IsAPlainDuration(long minutes, string text) => Assert.Equal(text, OfficeDisplay.Duration(minutes));

    private static Task<HttpClient> SignInAsync(WebHost host, string userName) => OfficeSignIn.AsAsync(host, userName);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<tr(?: class=\"report-total\")?>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t(?:d|h scope=\"row\")>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("^<a href=\"(/office/bao-cao/06a/ho-so\\?[^\"]+)\" title=\"[^\"]*\">(\\d+)</a>$")]
    private static partial Regex Link();
}
