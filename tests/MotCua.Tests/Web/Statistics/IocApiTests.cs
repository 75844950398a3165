using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;

namespace MotCua.Tests.Web.Statistics;

/// <summary>GET /api/statistics/ioc on the demo data (clock 2 March 2026 10:00 +07), checked against Report 06a and direct counts.</summary>
[Collection(DemoCollection.Name)]
public class IocApiTests(DemoHosts hosts)
{
    // The year so far in UTC: 1 Jan 2026 00:00 +07 … 3 Mar 2026 00:00 +07.
    private static readonly DateTime YearStart = new(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime TodayEnd = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TodayMonthYear_AreTheFiguresOfReport06aForTheSameDates(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        var ioc = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/ioc");
        Assert.Equal("2026-03-02T10:00:00", ioc.GetProperty("asOf").GetString());
        foreach (var (period, from) in new[] { ("today", "2026-03-02"), ("month", "2026-03-01"), ("year", "2026-01-01") })
        {
            var p = ioc.GetProperty(period);
            Assert.Equal(from, p.GetProperty("from").GetString());
            Assert.Equal("2026-03-02", p.GetProperty("to").GetString());
            var report = await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a?from={from}&to=2026-03-02");
            AssertPeriodMatches(report.GetProperty("total"), p);
        }
        var year = ioc.GetProperty("year");
        Assert.True(N(year, "received") > N(ioc.GetProperty("month"), "newOnline") && N(year, "solved") > 0 && N(year, "pending") > 0, "the demo year has figures to compare");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Trend_Has12Months_EachWithTheSolvedDossiersOfReport06aForThatMonth(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        var trend = (await leader.GetFromJsonAsync<JsonElement>("/api/statistics/ioc")).GetProperty("onTimeTrend").EnumerateArray().ToList();
        Assert.Equal(12, trend.Count);
        var first = new DateOnly(2025, 4, 1);
        for (var i = 0; i < 12; i++)
        {
            var from = first.AddMonths(i);
            var to = i == 11 ? new DateOnly(2026, 3, 2) : from.AddMonths(1).AddDays(-1);
            Assert.Equal(from.ToString("yyyy-MM", CultureInfo.InvariantCulture), trend[i].GetProperty("month").GetString());
            var f = (await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a?from={Iso(from)}&to={Iso(to)}")).GetProperty("total").GetProperty("figures");
            var solved = N(f, "solvedEarly") + N(f, "solvedOnTime") + N(f, "solvedLate");
            Assert.Equal(solved, N(trend[i], "solved"));
            Assert.Equal(N(f, "solvedEarly") + N(f, "solvedOnTime"), N(trend[i], "onTimeOrEarly"));
            Assert.Equal(N(f, "solvedLate"), N(trend[i], "late"));
            AssertPercent(N(trend[i], "onTimeOrEarly"), solved, trend[i].GetProperty("onTimePercent"));
        }
        Assert.True(trend.Sum(m => N(m, "solved")) > 0);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ByChannel_SplitsTheYearsNewDossiers_AsCountedOverTheDossiers(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var ioc = await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>("/api/statistics/ioc");
        var channels = ioc.GetProperty("byChannel").EnumerateArray().ToList();
        Assert.Equal(["Online", "InPerson", "Postal"], channels.Select(c => c.GetProperty("channel").GetString()));
        Assert.Equal(["Trực tuyến", "Trực tiếp", "Bưu chính"], channels.Select(c => c.GetProperty("name").GetString()));
        var year = ioc.GetProperty("year");
        Assert.Equal(N(year, "newOnline") + N(year, "newInPersonOrPostal"), channels.Sum(c => N(c, "received")));

        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var c in channels)
        {
            var channel = Enum.Parse<Channel>(c.GetProperty("channel").GetString()!);
            Assert.Equal(await dbc.Dossiers.CountAsync(d => d.Channel == channel && d.ReceivedAt >= YearStart && d.ReceivedAt < TodayEnd), N(c, "received"));
        }
        Assert.True(channels.All(c => N(c, "received") > 0), "the demo year has dossiers on every channel");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BusiestProcedures_AreTheTop10ByDossiersReceivedThisYear(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var busiest = (await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>("/api/statistics/ioc")).GetProperty("busiestProcedures").EnumerateArray().ToList();
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var direct = (await dbc.Dossiers.Where(d => d.ReceivedAt >= YearStart && d.ReceivedAt < TodayEnd).Select(d => d.ProcedureCode).ToListAsync())
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Math.Min(10, direct.Count), busiest.Count);
        foreach (var p in busiest)
            Assert.Equal(direct[p.GetProperty("procedureCode").GetString()!], N(p, "received"));
        Assert.Equal(busiest.Select(p => N(p, "received")).OrderDescending(), busiest.Select(p => N(p, "received")));
        Assert.Equal(direct.Values.Max(), N(busiest[0], "received"));
        var listed = busiest.Select(p => p.GetProperty("procedureCode").GetString()).ToHashSet();
        Assert.All(direct.Where(kv => !listed.Contains(kv.Key)), kv => Assert.True(kv.Value <= N(busiest[^1], "received")));
        var name = busiest[0].GetProperty("procedureName").GetString();
        Assert.True(await dbc.Dossiers.AnyAsync(d => d.ProcedureCode == busiest[0].GetProperty("procedureCode").GetString() && d.ProcedureName == name));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Satisfaction_CountsThisYearsRatingsByLevel(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var s = (await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>("/api/statistics/ioc")).GetProperty("satisfaction");
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ratings = await dbc.Dossiers.Where(d => d.Rating != null && d.RatedAt >= YearStart && d.RatedAt < TodayEnd).Select(d => d.Rating!.Value).ToListAsync();
        Assert.NotEmpty(ratings);
        var byLevel = s.GetProperty("byLevel").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal(5, byLevel.Count);
        Assert.Equal(N(s, "ratings"), byLevel.Sum());
        Assert.Equal(ratings.Count, N(s, "ratings"));
        for (var level = 1; level <= 5; level++)
            Assert.Equal(ratings.Count(r => r == level), byLevel[level - 1]);
        Assert.Equal(Math.Round(ratings.Average(), 2), s.GetProperty("average").GetDouble());
        AssertPercent(ratings.Count(r => r >= 4), ratings.Count, s.GetProperty("satisfiedPercent"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Agency_ScopesEveryFigureToItsSubtree_AndErrorsAreProblemDetails(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        await Problem.AssertAsync(await host.Client().GetAsync("/api/statistics/ioc"), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        await Problem.AssertAsync(await (await host.ClientAs("handler.demo")).GetAsync("/api/statistics/ioc"), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        var leader = await host.ClientAs("leader.demo");
        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/ioc?agency=KHONG-CO"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");

        // The Department of Agriculture and Environment with its land registration office (a child agency).
        var ioc = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/ioc?agency=SNNMT");
        var report = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?from=2026-01-01&to=2026-03-02&agency=SNNMT");
        AssertPeriodMatches(report.GetProperty("total"), ioc.GetProperty("year"));
        var whole = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/ioc");
        Assert.True(N(ioc.GetProperty("year"), "received") < N(whole.GetProperty("year"), "received"));
        Assert.All(ioc.GetProperty("overdueByAgency").EnumerateArray(), a => Assert.Contains(a.GetProperty("agencyCode").GetString(), new[] { "SNNMT", "VPDKDD" }));

        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agencies = await dbc.Agencies.Select(a => new { a.Id, a.Code, a.ParentId }).ToListAsync();
        var subtree = new List<long> { agencies.Single(a => a.Code == "SNNMT").Id };
        for (var i = 0; i < subtree.Count; i++)
            subtree.AddRange(agencies.Where(a => a.ParentId == subtree[i]).Select(a => a.Id));
        Assert.Contains(agencies.Single(a => a.Code == "VPDKDD").Id, subtree);
        var year = ioc.GetProperty("year");
        Assert.Equal(await dbc.Dossiers.CountAsync(d => subtree.Contains(d.CompetentAgencyId) && d.ReceivedAt >= YearStart && d.ReceivedAt < TodayEnd),
            N(year, "newOnline") + N(year, "newInPersonOrPostal"));
        var busiest = ioc.GetProperty("busiestProcedures").EnumerateArray().ToList();
        Assert.NotEmpty(busiest);
        foreach (var p in busiest)
        {
            var code = p.GetProperty("procedureCode").GetString();
            Assert.Equal(await dbc.Dossiers.CountAsync(d => d.ProcedureCode == code && subtree.Contains(d.CompetentAgencyId) && d.ReceivedAt >= YearStart && d.ReceivedAt < TodayEnd), N(p, "received"));
        }
        var ratings = await dbc.Dossiers.CountAsync(d => subtree.Contains(d.CompetentAgencyId) && d.Rating != null && d.RatedAt >= YearStart && d.RatedAt < TodayEnd);
        Assert.Equal(ratings, N(ioc.GetProperty("satisfaction"), "ratings"));
    }

    /// <summary>An IOC period against the total row of Report 06a for the same dates.</summary>
    private static void AssertPeriodMatches(JsonElement reportTotal, JsonElement period)
    {
        var f = reportTotal.GetProperty("figures");
        var onTime = N(f, "solvedEarly") + N(f, "solvedOnTime");
        Assert.Equal(N(reportTotal, "received"), N(period, "received"));
        Assert.Equal(N(f, "newOnline"), N(period, "newOnline"));
        Assert.Equal(N(f, "newInPersonOrPostal"), N(period, "newInPersonOrPostal"));
        Assert.Equal(N(reportTotal, "solved"), N(period, "solved"));
        Assert.Equal(onTime, N(period, "solvedOnTimeOrEarly"));
        Assert.Equal(N(f, "solvedLate"), N(period, "solvedLate"));
        Assert.Equal(N(reportTotal, "pending"), N(period, "pending"));
        Assert.Equal(N(f, "pendingOverdue"), N(period, "pendingOverdue"));
        AssertPercent(onTime, N(reportTotal, "solved"), period.GetProperty("onTimePercent"));
        AssertPercent(N(f, "newOnline"), N(f, "newOnline") + N(f, "newInPersonOrPostal"), period.GetProperty("onlinePercent"));
    }

    private static void AssertPercent(int part, int whole, JsonElement actual)
    {
        if (whole == 0)
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
        else
            Assert.Equal(Math.Round(100.0 * part / whole, 1), actual.GetDouble());
    }

    private static int N(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
