using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Statistics;

namespace MotCua.Tests.Web.Statistics;

[Collection(DemoCollection.Name)]
public class Evaluation01ApiTests(DemoHosts hosts)
{
    private const string Period = "from=2025-09-01&to=2026-03-01";
    // Vietnam dates 1 Sep 2025 … 1 Mar 2026 inclusive, in UTC.
    private static readonly DateTime Start = new(2025, 8, 31, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 3, 1, 17, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Evaluation_OnTheDemoDossiers_ScoresTotalsAndClassesAreConsistent(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var report = await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>($"/api/statistics/evaluation-01?{Period}");
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var population = await Population(dbc).Select(d => new { d.CompetentAgencyId, d.SupplementCount, d.ReceivedAt }).ToListAsync();

        // Every demo dossier is received after 1 July 2025: scored for reference only.
        Assert.Equal("tham khảo", report.GetProperty("regime").GetString());
        Assert.Equal(population.Count, report.GetProperty("dossiersForReference").GetInt32());
        Assert.Equal(0, report.GetProperty("dossiersUnderCircular01").GetInt32());
        Assert.Contains("tham khảo", report.GetProperty("regimeNote").GetString(), StringComparison.Ordinal);

        var agencies = report.GetProperty("agencies").EnumerateArray().ToList();
        Assert.True(agencies.Count > 10);
        Assert.Equal(population.Count, agencies.Sum(a => a.GetProperty("dossiers").GetInt32()));
        foreach (var a in agencies)
        {
            var indicators = a.GetProperty("indicators").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, 9), indicators.Select(i => i.GetProperty("number").GetInt32()));
            AssertTotal(a, indicators, maxTotal: 18);
            Assert.Equal(AgencyClass(a.GetProperty("total").GetDecimal()), a.GetProperty("classification").GetString());
            Assert.All(indicators, i => Assert.InRange(i.GetProperty("dossiersWithData").GetInt32(), 0, a.GetProperty("dossiers").GetInt32()));
            Assert.Equal(JsonValueKind.Null, indicators[7].GetProperty("score").ValueKind); // indicator 8: no feedback data
        }
        var missing = report.GetProperty("missingIndicators").EnumerateArray().ToList();
        Assert.Contains(missing, m => m.GetProperty("number").GetInt32() == 8 && m.GetProperty("reason").GetString()!.Length > 20);
        Assert.DoesNotContain(missing, m => m.GetProperty("number").GetInt32() is 1 or 3);

        // Indicator 3 against a direct computation from SupplementCount over the same dossiers, per agency.
        var codes = await dbc.Agencies.ToDictionaryAsync(a => a.Id, a => a.Code);
        foreach (var group in population.GroupBy(d => codes[d.CompetentAgencyId]))
        {
            var expected = Math.Round((decimal)group.Sum(d => d.SupplementCount switch { 0 => 2, 1 => 1, _ => 0 }) / group.Count(), 1, MidpointRounding.AwayFromZero);
            var row = agencies.Single(a => a.GetProperty("code").GetString() == group.Key);
            var three = row.GetProperty("indicators")[2];
            Assert.Equal(expected, three.GetProperty("score").GetDecimal());
            Assert.Equal(group.Count(), three.GetProperty("dossiersWithData").GetInt32());
        }
        // Indicator 1 over all agencies' solved dossiers: the number with data is the number solved in the period.
        var solved = await Population(dbc).CountAsync(d => (d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned) && d.ProcessingEndedAt < End);
        Assert.Equal(solved, agencies.Sum(a => a.GetProperty("indicators")[0].GetProperty("dossiersWithData").GetInt32()));

        // Officers: the handling officer of the demo (handler.demo), with indicators 1, 2, 3, 4, 7.
        var officers = report.GetProperty("officers").EnumerateArray().ToList();
        var handler = officers.Single(o => o.GetProperty("userName").GetString() == "handler.demo");
        var handlerId = await dbc.UserAccounts.Where(u => u.UserName == "handler.demo").Select(u => u.Id).SingleAsync();
        var handled = await Population(dbc).CountAsync(d => d.AssigneeId == handlerId
            || (d.AssigneeId == null && dbc.DossierHistory.Any(h => h.DossierId == d.Id && h.Action == DossierAction.Assign && h.ToUserId == handlerId)));
        Assert.Equal(handled, handler.GetProperty("dossiers").GetInt32());
        Assert.Equal("STC", handler.GetProperty("agencyCode").GetString());
        foreach (var o in officers)
        {
            var indicators = o.GetProperty("indicators").EnumerateArray().ToList();
            Assert.Equal([1, 2, 3, 4, 7], indicators.Select(i => i.GetProperty("number").GetInt32()));
            AssertTotal(o, indicators, maxTotal: 10);
            Assert.Equal(OfficerClass(o.GetProperty("total").GetDecimal()), o.GetProperty("classification").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Evaluation_AgencyScope_MatchesTheProvinceRow_AndBadInputIsAProblem(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        const string url = "/api/statistics/evaluation-01";
        await Problem.AssertAsync(await host.Client().GetAsync($"{url}?{Period}"), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        await Problem.AssertAsync(await (await host.ClientAs("handler.demo")).GetAsync($"{url}?{Period}"), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        var leader = await host.ClientAs("leader.demo");
        await Problem.AssertAsync(await leader.GetAsync($"{url}?from=2026-02-30&to=2026-03-01"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync($"{url}?to=2026-03-01"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync($"{url}?from=2026-03-01&to=2026-01-31"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync($"{url}?from=2000-01-01&to=2026-01-31"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync($"{url}?{Period}&agency=KHONG-CO"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");

        var all = await leader.GetFromJsonAsync<JsonElement>($"{url}?{Period}");
        var stc = await leader.GetFromJsonAsync<JsonElement>($"{url}?{Period}&agency=STC");
        var row = Assert.Single(stc.GetProperty("agencies").EnumerateArray());
        Assert.Equal("STC", row.GetProperty("code").GetString());
        // The same dossiers give the same scores in the scoped and the province-wide evaluation.
        Assert.Equal(all.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "STC").GetRawText(), row.GetRawText());
        Assert.All(stc.GetProperty("officers").EnumerateArray(), o => Assert.Equal("STC", o.GetProperty("agencyCode").GetString()));

        // A period before any dossier: nothing to score, every indicator listed as left out, Circular 01/2018 regime.
        var empty = await leader.GetFromJsonAsync<JsonElement>($"{url}?from=2024-01-01&to=2024-03-31");
        Assert.Empty(empty.GetProperty("agencies").EnumerateArray());
        Assert.Equal("01/2018", empty.GetProperty("regime").GetString());
        Assert.Equal(9, empty.GetProperty("missingIndicators").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Evaluation_ReadInSmallChunks_EqualsOneRead(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var dbc = services.GetRequiredService<AppDbContext>();
        Evaluation01Handler Handler(int chunk) => new(dbc, services.GetRequiredService<CalendarProvider>()) { ChunkSize = chunk };
        var period = ReportPeriod.Create(new DateOnly(2025, 9, 1), new DateOnly(2026, 3, 1), out _)!.Value;
        var whole = await Handler(100_000).HandleAsync(period, null, StatisticsAudience.Province, CancellationToken.None);
        var chunked = await Handler(7).HandleAsync(period, null, StatisticsAudience.Province, CancellationToken.None);
        Assert.True(whole.Agencies.Sum(a => a.Dossiers) > 7 * 10);
        Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(chunked));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EvaluationPage_ShowsAgenciesOfficersAndLeftOutIndicators_ForLeadersOnly(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await SignIn(host, "leader.demo");
        var html = WebUtility.HtmlDecode(await leader.GetStringAsync($"/office/bao-cao/danh-gia-01?{Period}"));
        Assert.Contains("Đánh giá việc giải quyết thủ tục hành chính (Thông tư 01/2018/TT-VPCP)", html, StringComparison.Ordinal);
        Assert.Contains("Đánh giá cơ quan", html, StringComparison.Ordinal);
        Assert.Contains("Đánh giá cán bộ, công chức", html, StringComparison.Ordinal);
        Assert.Contains("Chỉ số không chấm", html, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính", html, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Minh", html, StringComparison.Ordinal);
        Assert.Contains("Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị", html, StringComparison.Ordinal);
        Assert.Contains("tham khảo", html, StringComparison.Ordinal);
        Assert.Contains("/office/bao-cao/danh-gia-01", await leader.GetStringAsync("/office"), StringComparison.Ordinal);

        var bad = await leader.GetAsync("/office/bao-cao/danh-gia-01?from=2026-03-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kỳ đánh giá hợp lệ", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var refused = await (await SignIn(host, "handler.demo")).GetAsync("/office/bao-cao/danh-gia-01");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/office/khong-co-quyen", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>Report 06a's population: received before the end, processing not ended before the start.</summary>
    private static IQueryable<MotCua.Web.Features.Dossiers.Dossier> Population(AppDbContext dbc) =>
        dbc.Dossiers.Where(d => d.ReceivedAt != null && d.ReceivedAt < End && ((d.ProcessingEndedAt ?? d.EndedAt) == null || (d.ProcessingEndedAt ?? d.EndedAt) >= Start));

    private static void AssertTotal(JsonElement row, List<JsonElement> indicators, int maxTotal)
    {
        var scores = indicators.Where(i => i.GetProperty("score").ValueKind != JsonValueKind.Null).Select(i => i.GetProperty("score").GetDecimal()).ToList();
        Assert.All(scores, s => Assert.InRange(s, 0m, 2m));
        Assert.All(scores, s => Assert.Equal(s, Math.Round(s, 1)));
        Assert.Equal(scores.Sum(), row.GetProperty("total").GetDecimal());
        Assert.Equal(scores.Count * 2, row.GetProperty("maxReached").GetInt32());
        Assert.InRange(row.GetProperty("total").GetDecimal(), 0m, maxTotal);
    }

    private static string AgencyClass(decimal total) =>
        total >= 15 ? "Xuất sắc" : total >= 12 ? "Tốt" : total >= 9 ? "Khá" : total >= 6 ? "Trung bình" : "Yếu";

    private static string OfficerClass(decimal total) =>
        total >= 5 ? "Hoàn thành 100% nhiệm vụ" : total >= 3.5m ? "Hoàn thành từ 70% đến dưới 100%" : "Hoàn thành dưới 70%";

    private static Task<HttpClient> SignIn(WebHost host, string user) => OfficeSignIn.AsAsync(host, user);
}
