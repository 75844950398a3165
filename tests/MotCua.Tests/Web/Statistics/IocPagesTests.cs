using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;

namespace MotCua.Tests.Web.Statistics;

/// <summary>The IOC office page, its wall screen and the public open-data page, over HTTP on the demo data.</summary>
[Collection(DemoCollection.Name)]
public partial class IocPagesTests(DemoHosts hosts)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task IocPage_RendersTheApiFigures_WithDrillDownLinksAndTheScript_ForLeadersOnly(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var api = await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>("/api/statistics/ioc");
        var leader = await SignInAsync(host, "leader.demo");
        Assert.Contains("href=\"/office/ioc\"", await leader.GetStringAsync("/office"), StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await leader.GetStringAsync("/office/ioc"));
        Assert.Contains("<h1>Trung tâm điều hành – tình hình giải quyết thủ tục hành chính</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Cập nhật lúc <time data-ioc-updated datetime=\"2026-03-02T10:00:00\">10:00:00</time>", html, StringComparison.Ordinal);
        Assert.Matches(@"<script src=""/js/ioc\.js\?v=[^""]+"" defer></script>", html);
        Assert.DoesNotMatch(@"<script>", html);
        foreach (var period in new[] { "today", "month", "year" })
        {
            var p = api.GetProperty(period);
            var section = Regex.Match(html, $@"data-period=""{period}"".*?</section>", RegexOptions.Singleline).Value;
            foreach (var field in new[] { "received", "newOnline", "solvedLate", "pending", "pendingOverdue" })
                Assert.Contains($"data-field=\"{field}\"", Figure(section, field, p.GetProperty(field).GetInt32()), StringComparison.Ordinal);
            var (from, to) = (p.GetProperty("from").GetString(), p.GetProperty("to").GetString());
            Assert.Contains($"href=\"/office/bao-cao/06a/ho-so?from={from}&to={to}&figure=pendingOverdue\"", section, StringComparison.Ordinal);
            Assert.Contains($"href=\"/office/bao-cao/06a?from={from}&to={to}\"", section, StringComparison.Ordinal);
        }
        var today = api.GetProperty("today").GetProperty("from").GetString();
        var agencies = api.GetProperty("overdueByAgency").EnumerateArray().ToList();
        Assert.NotEmpty(agencies);
        foreach (var a in agencies)
            Assert.Contains($"href=\"/office/bao-cao/06a/ho-so?from={today}&to={today}&competentAgency={a.GetProperty("agencyCode").GetString()}&figure=pendingOverdue\">{a.GetProperty("agencyName").GetString()}</a>",
                html, StringComparison.Ordinal);
        foreach (var p in api.GetProperty("busiestProcedures").EnumerateArray())
            Assert.Contains($"<span class=\"ioc-rank-name\">{p.GetProperty("procedureName").GetString()}</span>", html, StringComparison.Ordinal);

        // The wall screen: the same figures, full screen, without the portal's navigation.
        var wall = WebUtility.HtmlDecode(await leader.GetStringAsync("/office/ioc/man-hinh"));
        Assert.Contains("<body class=\"ioc-wall\">", wall, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav", wall, StringComparison.Ordinal);
        Assert.Contains("<h1>Trung tâm điều hành – tình hình giải quyết thủ tục hành chính</h1>", wall, StringComparison.Ordinal);
        Assert.Matches(@"<script src=""/js/ioc\.js\?v=[^""]+"" defer></script>", wall);
        var year = api.GetProperty("year");
        Figure(Regex.Match(wall, @"data-period=""year"".*?</section>", RegexOptions.Singleline).Value, "received", year.GetProperty("received").GetInt32());

        // One agency: the links carry its code; an unknown code is a Vietnamese 404 page.
        var scoped = WebUtility.HtmlDecode(await leader.GetStringAsync("/office/ioc?agency=SNNMT"));
        Assert.Contains("Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn", scoped, StringComparison.Ordinal);
        Assert.Contains("data-endpoint=\"/api/statistics/ioc?agency=SNNMT\"", scoped, StringComparison.Ordinal);
        Assert.Contains("&agency=SNNMT&figure=newOnline\"", scoped, StringComparison.Ordinal);
        var unknown = await leader.GetAsync("/office/ioc?agency=KHONG-CO");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không tìm thấy cơ quan với mã hoặc tên này; hãy chọn trong danh sách.", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var handler = await SignInAsync(host, "handler.demo");
        foreach (var page in new[] { "/office/ioc", "/office/ioc/man-hinh" })
        {
            var refused = await handler.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/office/khong-co-quyen", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            var anonymous = await host.Client(followRedirects: false).GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/office/dang-nhap", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OpenDataPage_IsPublic_ShowsTheSummaryFigures_AndNoApplicant(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var anonymous = host.Client();
        var summary = await anonymous.GetFromJsonAsync<JsonElement>("/api/open-data/summary");
        Assert.Contains("href=\"/du-lieu-mo\"", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);

        var response = await anonymous.GetAsync("/du-lieu-mo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Dữ liệu mở về giải quyết thủ tục hành chính</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/open-data/summary\"", html, StringComparison.Ordinal);
        Assert.Contains(summary.GetProperty("convention").GetString()!, html, StringComparison.Ordinal);
        var c = summary.GetProperty("catalogue");
        Assert.Contains($"<dt>Thủ tục đang có hiệu lực</dt><dd>{Number(c, "procedures")}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<li><span>Dịch vụ công trực tuyến toàn trình</span><svg", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"value\">{Number(c, "fullyOnline")}</span>", html, StringComparison.Ordinal);
        var d = summary.GetProperty("dossiers");
        Assert.Contains($"<dt>Tổng số hồ sơ tiếp nhận</dt><dd>{Number(d, "received")}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Đã giải quyết</dt><dd>{Number(d, "solved")}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Đang giải quyết quá hạn</dt><dd>{Number(d, "pendingOverdue")}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Lượt đánh giá</dt><dd>{Number(d, "ratings")}</dd>", html, StringComparison.Ordinal);
        var onTime = d.GetProperty("onTimePercent").GetDouble();
        Assert.Contains($"<span class=\"value\">{onTime.ToString("0.#", Vietnamese)}%</span>", html, StringComparison.Ordinal);
        Assert.Contains($"width=\"{onTime.ToString("0.##", CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);

        // No applicant, representative or ID number of any dossier appears on the public page.
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var people = await dbc.Dossiers.Select(x => new { x.ApplicantName, x.ApplicantIdNumber, x.RepresentativeName }).ToListAsync();
        Assert.NotEmpty(people);
        var personal = people.SelectMany(p => new[] { p.ApplicantName, p.ApplicantIdNumber, p.RepresentativeName })
            .Where(v => !string.IsNullOrWhiteSpace(v) && v.Length >= 6).Distinct().ToList();
        Assert.True(personal.Count > 10, "the demo dossiers have applicants to look for");
        Assert.All(personal, v => Assert.DoesNotContain(v!, html, StringComparison.Ordinal));
    }

    /// <summary>The element of a period section that shows one figure, asserting it shows the API's value.</summary>
    private static string Figure(string section, string field, int value)
    {
        var match = Regex.Match(section, $@"<(a|span) data-field=""{field}""[^>]*>([^<]*)</\1>");
        Assert.True(match.Success, $"the period shows {field}");
        Assert.Equal(value.ToString("N0", Vietnamese), match.Groups[2].Value);
        return match.Value;
    }

    private static string Number(JsonElement e, string name) => e.GetProperty(name).GetInt32().ToString("N0", Vietnamese);

    private static Task<HttpClient> SignInAsync(WebHost host, string user) => OfficeSignIn.AsAsync(host, user);
}
