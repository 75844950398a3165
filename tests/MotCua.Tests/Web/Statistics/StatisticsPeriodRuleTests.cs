using System.Globalization;
using System.Net;
using MotCua.Core.Statistics;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Statistics;

/// <summary>One period rule (ReportPeriod: at most ten years, the end not before the start) on every statistics endpoint and office report page.</summary>
[Collection(DemoCollection.Name)]
public class StatisticsPeriodRuleTests(DemoHosts hosts)
{
    private static readonly DateOnly First = new(2016, 3, 1);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Each endpoint with a period put in its own parameters, and the field its period errors are reported on.</summary>
    private static IEnumerable<(string Url, string Field)> Endpoints(DateOnly from, DateOnly to) =>
    [
        ($"/api/statistics/report-06a?from={Iso(from)}&to={Iso(to)}", "to"),
        ($"/api/statistics/report-06b?from={Iso(from)}&to={Iso(to)}", "to"),
        ($"/api/statistics/report-06b?from={Iso(from)}&to={Iso(to)}&groupBy=level&format=xlsx", "to"),
        ($"/api/statistics/report-06a/dossiers?from={Iso(from)}&to={Iso(to)}&figure=received", "to"),
        ($"/api/statistics/evaluation-01?from={Iso(from)}&to={Iso(to)}", "to"),
        ($"/api/statistics/766?period={Iso(from)}..{Iso(to)}", "period"),
    ];

    private static IEnumerable<string> Pages(DateOnly from, DateOnly to) =>
    [
        $"/office/bao-cao/06a?from={Iso(from)}&to={Iso(to)}",
        $"/office/bao-cao/06b?from={Iso(from)}&to={Iso(to)}",
        $"/office/bao-cao/06a/ho-so?from={Iso(from)}&to={Iso(to)}&figure=received",
        $"/office/bao-cao/danh-gia-01?from={Iso(from)}&to={Iso(to)}",
        $"/office/bao-cao/766?from={Iso(from)}&to={Iso(to)}",
    ];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Report06b_WholeCalendarRange_Is400ProblemDetails_Not500(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        var body = await Problem.AssertAsync(await leader.GetAsync("/api/statistics/report-06b?from=0001-01-01&to=9999-12-31"),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Contains("tối đa 10 năm", body.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryEndpoint_TakesTenYears_RefusesOneDayMoreAndAnInvertedPeriod(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var reader = await host.ClientAs(await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password);
        var longest = First.AddDays(ReportPeriod.MaxDays);
        foreach (var (url, _) in Endpoints(First, longest))
        {
            var response = await reader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        foreach (var (from, to, message) in new[]
                 {
                     (First, longest.AddDays(1), "tối đa 10 năm"),
                     (new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31), "tối đa 10 năm"),
                     (First, First.AddDays(-1), "Ngày kết thúc phải sau ngày bắt đầu."),
                 })
            foreach (var (url, field) in Endpoints(from, to))
            {
                var body = await Problem.AssertAsync(await reader.GetAsync(url), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
                Assert.Contains(message, body.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
            }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryReportPage_RefusesWhatTheApiRefuses_With400AndAVietnameseMessage(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var page = await OfficeSignIn.AsAsync(host, await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password);
        foreach (var url in Pages(First, First.AddDays(ReportPeriod.MaxDays + 1)).Concat(Pages(new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31))))
        {
            var response = await page.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
            Assert.Contains("tối đa 10 năm", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }
}
