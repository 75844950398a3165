using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Statistics;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Statistics;

[Collection(DemoCollection.Name)]
public class Index766ApiTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Periods_YearQuarterMonthAndRange(DatabaseKind db)
    {
        var leader = await (await hosts.Get(db)).ClientAs("leader.demo");
        foreach (var (query, from, to, label) in new[]
        {
            ("2026-Q1", "2026-01-01", "2026-03-31", "Quý I/2026"),
            ("2026-02", "2026-02-01", "2026-02-28", "Tháng 02/2026"),
            ("2025-12-01..2026-02-28", "2025-12-01", "2026-02-28", "Từ 01/12/2025 đến 28/02/2026"),
            ("2025", "2025-01-01", "2025-12-31", "Năm 2025"),
        })
        {
            var period = (await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/766?period={query}")).GetProperty("period");
            Assert.Equal((from, to, label), (period.GetProperty("from").GetString(), period.GetProperty("to").GetString(), period.GetProperty("label").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnTime_EqualsADirectCountOverTheDossiers_ProvinceAndAgencies(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        var report = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/766?period=2025-12-01..2026-02-28");
        var onTime = Indicator(report.GetProperty("province"), "2.1");

        // 1 Dec 2025 00:00 +07 … 1 Mar 2026 00:00 +07; the period is over at "now" (2 Mar 2026), so it is the cut-off.
        var start = new DateTime(2025, 11, 30, 17, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2026, 2, 28, 17, 0, 0, DateTimeKind.Utc);
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counted = await dbc.Dossiers.AsNoTracking()
            .Where(d => d.ReceivedAt != null && d.ReceivedAt < end
                && !((d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned) && d.ProcessingEndedAt < start)
                && !((d.Status == DossierStatus.Stopped || d.Status == DossierStatus.Withdrawn || d.Status == DossierStatus.Refused) && d.EndedAt < start))
            .Select(d => new { d.Id, d.CompetentAgencyId, d.Status, d.DueAt, d.ProcessingEndedAt, d.EndedAt, d.PausedAt })
            .ToListAsync();
        var supplements = (await dbc.SupplementRequests.AsNoTracking().Where(r => r.DuringProcessing).ToListAsync()).ToLookup(r => r.DossierId);
        bool OnTime(DateTime? due, DateTime at) => due is null || Minute(at) <= Minute(due.Value);
        var direct = counted.Count(d =>
        {
            DateTime? terminal = d.Status is DossierStatus.Processed or DossierStatus.Returned ? d.ProcessingEndedAt
                : d.Status is DossierStatus.Stopped or DossierStatus.Withdrawn or DossierStatus.Refused ? d.EndedAt : null;
            var at = terminal < end ? terminal!.Value : end;
            var requests = supplements[d.Id].Where(r => Utc(r.RequestedAt) < at).OrderBy(r => r.RequestedAt).ToList();
            if (requests.Count > 1)
                return false;
            if (requests.Count == 1 && !(requests[0].AcceptedAt is { } accepted && Utc(accepted) <= at))
                return OnTime(d.DueAt, Utc(requests[0].RequestedAt));
            if (at == end && d.Status == DossierStatus.FinancialObligation && d.PausedAt is { } paused && Utc(paused) < end)
                return OnTime(d.DueAt, Utc(paused));
            return OnTime(d.DueAt, at);
        });
        Assert.Equal(counted.Count, Input(onTime, "denominator"));
        Assert.Equal(direct, Input(onTime, "numerator"));
        Assert.True(counted.Count > 100 && direct < counted.Count, $"{direct} / {counted.Count}");
        Assert.True(Input(onTime, "awaitingSupplement") > 0 || Input(onTime, "supplementedMoreThanOnce") > 0);
        // The same set as column 3 of Report 06a (docs/domain/decision-766.md#population: on-time exactly as 766 over the 06a convention).
        var report06a = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?from=2025-12-01&to=2026-02-28");
        Assert.Equal(report06a.GetProperty("total").GetProperty("received").GetInt32(), Input(onTime, "denominator"));

        // Every counted dossier belongs to exactly one competent agency: the agency rows add up to the province.
        var agencies = report.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal(counted.Select(d => d.CompetentAgencyId).Distinct().Count(), agencies.Count);
        Assert.Equal(counted.Count, agencies.Sum(a => Input(Indicator(a, "2.1"), "denominator")));
        Assert.Equal(direct, agencies.Sum(a => Input(Indicator(a, "2.1"), "numerator")));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Points_AreTheSumOfTheIndicators_AndTheRankingIsByPoints(DatabaseKind db)
    {
        var leader = await (await hosts.Get(db)).ClientAs("leader.demo");
        var report = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/766?period=2026-Q1");
        var province = report.GetProperty("province");
        var indicators = province.GetProperty("indicators").EnumerateArray().ToList();
        var scored = indicators.Where(i => i.GetProperty("computable").GetBoolean() && i.GetProperty("points").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(scored.Sum(i => i.GetProperty("points").GetDecimal()), province.GetProperty("points").GetDecimal());
        Assert.Equal(scored.Sum(i => i.GetProperty("pmax").GetDecimal()), province.GetProperty("maxPoints").GetDecimal());
        Assert.True(scored.Count >= 6, $"{scored.Count} indicators with a score");
        // Each score follows its formula: Pmax at or above the target, else the ratio share of it.
        foreach (var i in scored.Where(i => i.GetProperty("pmax").GetDecimal() > 0))
        {
            var ratio = Input(i, "numerator") * 100m / Input(i, "denominator");
            var pmax = i.GetProperty("pmax").GetDecimal();
            var expected = i.GetProperty("target").ValueKind == JsonValueKind.Number
                ? Math.Min(pmax, ratio * pmax / i.GetProperty("target").GetDecimal())
                : ratio * pmax / 100;
            Assert.Equal(Math.Round(expected, 2, MidpointRounding.AwayFromZero), i.GetProperty("points").GetDecimal());
        }

        var agencies = report.GetProperty("agencies").EnumerateArray().ToList();
        Assert.NotEmpty(agencies);
        for (var k = 0; k < agencies.Count; k++)
        {
            var a = agencies[k];
            var own = a.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("points").ValueKind == JsonValueKind.Number).ToList();
            Assert.Equal(own.Sum(i => i.GetProperty("points").GetDecimal()), a.GetProperty("points").GetDecimal());
            Assert.All(a.GetProperty("indicators").EnumerateArray(), i => Assert.True(i.GetProperty("computable").GetBoolean()));
            var rank = a.GetProperty("rank").GetInt32();
            if (k == 0)
            {
                Assert.Equal(1, rank);
                continue;
            }
            var previous = agencies[k - 1];
            var points = a.GetProperty("points").GetDecimal();
            Assert.True(points <= previous.GetProperty("points").GetDecimal());
            // Equal points share the rank; otherwise the rank is the position (1, 1, 3).
            Assert.Equal(points == previous.GetProperty("points").GetDecimal() ? previous.GetProperty("rank").GetInt32() : k + 1, rank);
        }

        var notComputable = report.GetProperty("notComputable").EnumerateArray().ToList();
        foreach (var id in new[] { "4.3", "3.6" })
        {
            var n = notComputable.Single(x => x.GetProperty("id").GetString() == id);
            Assert.False(string.IsNullOrWhiteSpace(n.GetProperty("reason").GetString()));
            var listed = indicators.Single(x => x.GetProperty("id").GetString() == id);
            Assert.False(listed.GetProperty("computable").GetBoolean());
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("points").ValueKind);
        }
        Assert.DoesNotContain(notComputable, n => n.GetProperty("id").GetString() is "1.4" or "2.1" or "3.3" or "4.5a" or "4.5b" or "5.4");
    }

    [Fact]
    public void Rank_TiesShareARank_AndTheNextRankSkips()
    {
        static Index766Agency A(string code, decimal points) => new(code, "Cơ quan " + code, 0, points, 50, []);
        var ranked = Index766Handler.Rank([A("x", 30), A("y", 40.5m), A("z", 30), A("w", 12)]);
        Assert.Equal([("y", 1), ("x", 2), ("z", 2), ("w", 4)], ranked.Select(a => (a.Code, a.Rank)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Digitisation_CountsFilesAtReceptionAndTheElectronicResult(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        // An online dossier with its component files, processed with a signed result file attached.
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        var leader = await host.ClientAs("leader.demo");
        var handler = await host.ClientAs("handler.demo");
        await OkAsync(reception, id, "accept");
        await OkAsync(reception, id, "forward");
        await using (var s = host.Scope())
        {
            var handlerId = await s.ServiceProvider.GetRequiredService<AppDbContext>().UserAccounts.Where(u => u.UserName == "handler.demo").Select(u => u.Id).SingleAsync();
            await OkAsync(leader, id, "assign", new { userId = handlerId });
        }
        await OkAsync(handler, id, "transfer");
        var resultFile = await UploadAsync(leader, name: "ket-qua.pdf");
        await OkAsync(leader, id, "approve", new { resultNumber = "766/GCN-STC", signer = "Lương Thị Hoa", resultDate = "2026-03-02", resultFileId = resultFile });

        var report = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/766?period=2026-03");
        var province = report.GetProperty("province");
        var start = new DateTime(2026, 2, 28, 17, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2026, 3, 31, 17, 0, 0, DateTimeKind.Utc);
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Every demo procedure names its result, so each one's result is a document.
        var solved = dbc.Dossiers.Where(d => (d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned) && d.ReceivedAt != null
            && d.ProcessingEndedAt >= start && d.ProcessingEndedAt < end);
        var electronic = await solved.CountAsync(d => dbc.DossierFiles.Any(f => f.DossierId == d.Id && f.Kind == DossierFileKind.Result));
        var e41 = Indicator(province, "4.1");
        Assert.Equal((electronic, await solved.CountAsync()), (Input(e41, "numerator"), Input(e41, "denominator")));
        Assert.True(electronic >= 1);

        // 4.2: received in March with a file for every required component of its case, and the result as a file once there is one.
        var received = await dbc.Dossiers.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end)
            .Select(d => new
            {
                d.Status,
                d.ProcedureVersionId,
                d.CaseCode,
                Components = dbc.DossierFiles.Where(f => f.DossierId == d.Id && f.Kind != DossierFileKind.Result && f.DocumentIndex != null).Select(f => f.DocumentIndex!.Value).ToList(),
                HasResultFile = dbc.DossierFiles.Any(f => f.DossierId == d.Id && f.Kind == DossierFileKind.Result),
            }).ToListAsync();
        var versions = await dbc.ProcedureVersions.AsNoTracking().Select(v => new { v.Id, v.Definition }).ToDictionaryAsync(v => v.Id, v => v.Definition);
        var digitised = received.Count(d => d.Components.Count > 0
            && versions[d.ProcedureVersionId].Cases.Single(c => c.Code == d.CaseCode).Documents.Select((doc, i) => (doc, i)).Where(x => x.doc.Required).All(x => d.Components.Contains(x.i))
            && (d.Status is not (DossierStatus.Processed or DossierStatus.Returned) || d.HasResultFile));
        var e42 = Indicator(province, "4.2");
        Assert.Equal((digitised, received.Count), (Input(e42, "numerator"), Input(e42, "denominator")));
        Assert.True(digitised >= 1);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Problems_ForNoTokenNoPermissionBadPeriodUnknownAgency(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        await Problem.AssertAsync(await host.Client().GetAsync("/api/statistics/766?period=2026"), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        await Problem.AssertAsync(await (await host.ClientAs("handler.demo")).GetAsync("/api/statistics/766?period=2026"), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        var leader = await host.ClientAs("leader.demo");
        foreach (var bad in new[] { "", "2026-Q5", "2026-13", "2026-03-01..2026-01-01", "2026-02-30..2026-03-01", "hôm qua", "2026-Q2", "2026-03-03..2026-03-31" })
            await Problem.AssertAsync(await leader.GetAsync($"/api/statistics/766?period={Uri.EscapeDataString(bad)}"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/766?period=2026-Q1&agency=KHONG-CO"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");

        // An agency with its children: only its own competent agencies are ranked.
        var stc = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/766?period=2026-Q1&agency=STC");
        Assert.All(stc.GetProperty("agencies").EnumerateArray(), a => Assert.Equal("STC", a.GetProperty("code").GetString()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OfficePage_ShowsScoresWithFormulasAndInputs_ForLeadersOnly(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var api = await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>("/api/statistics/766?period=2026-Q1");
        var onTime = Indicator(api.GetProperty("province"), "2.1");
        var leader = await SignInAsync(host, "leader.demo");
        Assert.Contains("/office/bao-cao/766", await leader.GetStringAsync("/office"), StringComparison.Ordinal);
        var html = System.Net.WebUtility.HtmlDecode(await leader.GetStringAsync("/office/bao-cao/766?period=2026-Q1"));
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        // "2.1 = (đúng hạn + đang trong hạn) / tiếp nhận = 203 / 226 = 89,82% → 17,96/20 điểm", in Vietnamese number format.
        Assert.Contains($"2.1 = (đúng hạn + đang trong hạn) / tiếp nhận = {Input(onTime, "numerator").ToString("#,##0", vi)} / {Input(onTime, "denominator").ToString("#,##0", vi)} = "
            + $"{onTime.GetProperty("ratio").GetDecimal().ToString("0.00", vi)}% → {onTime.GetProperty("points").GetDecimal().ToString("0.00", vi)}/20 điểm", html, StringComparison.Ordinal);
        Assert.Contains($"Được <strong>{api.GetProperty("province").GetProperty("points").GetDecimal().ToString("0.00", vi)}</strong> trên {api.GetProperty("province").GetProperty("maxPoints").GetDecimal().ToString("#,##0.##", vi)} điểm của các chỉ số tính được", html, StringComparison.Ordinal);
        Assert.Contains("Xếp hạng cơ quan", html, StringComparison.Ordinal);
        Assert.Contains(api.GetProperty("agencies")[0].GetProperty("name").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains("Chỉ số chưa tính được", html, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", html, StringComparison.Ordinal);

        var bad = await leader.GetAsync("/office/bao-cao/766?period=2026-Q7");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Kỳ đánh giá phải có dạng", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var range = System.Net.WebUtility.HtmlDecode(await leader.GetStringAsync("/office/bao-cao/766?from=2025-12-01&to=2026-02-28"));
        Assert.Contains("Từ 01/12/2025 đến 28/02/2026:", range, StringComparison.Ordinal);

        var refused = await (await SignInAsync(host, "handler.demo")).GetAsync("/office/bao-cao/766");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/office/khong-co-quyen", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static Task<HttpClient> SignInAsync(WebHost host, string user) => OfficeSignIn.AsAsync(host, user);

    private static JsonElement Indicator(JsonElement unit, string id) =>
        unit.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private static decimal Input(JsonElement indicator, string name) => indicator.GetProperty("inputs").GetProperty(name).GetDecimal();

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime Minute(DateTime t) => Utc(t).AddTicks(-(t.Ticks % TimeSpan.TicksPerMinute));
}
