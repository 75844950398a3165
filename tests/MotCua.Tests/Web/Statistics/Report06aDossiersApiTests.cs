using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Statistics;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Tests.Web.Statistics;

/// <summary>GET /api/statistics/report-06a/dossiers: every figure's list is exactly the dossiers the report counts.</summary>
[Collection(DemoCollection.Name)]
public class Report06aDossiersApiTests(DemoHosts hosts)
{
    // The periods of the issue, and one starting and ending mid-week, where dossiers end on the days around both bounds.
    private static readonly (string From, string To)[] Periods = [("2025-12-01", "2026-02-28"), ("2026-02-01", "2026-02-28"), ("2026-03-02", "2026-03-02"), ("2026-01-14", "2026-02-10")];
    private static readonly string[] Scopes = ["", "&agency=STC", "&channel=Online"];
    private static readonly string[] Figures = Report06aFigurePredicates.Columns.Select(Report06aDossiersHandler.Key).ToArray();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryFigureList_HasTheReportsFigure_ForTheTotalAndEachAgencyRow(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        // Lists of the whole province: a province-wide reader (StatisticsAudience).
        var leader = await host.ClientAs(await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password);
        var nonEmptyFigures = new HashSet<string>();
        foreach (var (from, to) in Periods)
        {
            foreach (var scope in Scopes)
            {
                var query = $"from={from}&to={to}{scope}";
                var report = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?" + query);
                var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("agencyCode").GetString()!, r => r.GetProperty("figures"));
                foreach (var figure in Figures)
                {
                    var expected = report.GetProperty("total").GetProperty("figures").GetProperty(figure).GetInt32();
                    var (total, items) = await ListAllAsync(leader, $"{query}&figure={figure}");
                    Assert.True(expected == total, $"{query} {figure}: report {expected}, list {total}");
                    Assert.Equal(total, items.Count);
                    if (total > 0)
                        nonEmptyFigures.Add(figure);
                    // Per agency row: the list's dossiers of each competent agency are that row's figure.
                    var byAgency = items.GroupBy(i => i.GetProperty("competentAgencyCode").GetString()!).ToDictionary(g => g.Key, g => g.Count());
                    Assert.All(byAgency.Keys, code => Assert.Contains(code, rows.Keys));
                    foreach (var (code, figures) in rows)
                        Assert.True(figures.GetProperty(figure).GetInt32() == byAgency.GetValueOrDefault(code), $"{query} {figure} {code}");
                }
                // The link of a row cell (competentAgency = the row, not its subtree), for the two largest rows.
                foreach (var (code, figures) in rows.OrderByDescending(r => r.Value.GetProperty("received").GetInt32()).Take(2))
                {
                    foreach (var figure in Figures)
                    {
                        // The total comes from the counters, the items from the dossiers: both must be the row's figure.
                        var (rowTotal, rowItems) = await ListAllAsync(leader, $"{query}&figure={figure}&competentAgency={code}");
                        Assert.Equal(figures.GetProperty(figure).GetInt32(), rowTotal);
                        Assert.Equal(rowTotal, rowItems.Count);
                        Assert.All(rowItems, i => Assert.Equal(code, i.GetProperty("competentAgencyCode").GetString()));
                    }
                }
            }
        }
        // The demo data reaches every figure somewhere, so no list is trivially empty everywhere.
        Assert.Equal(Figures.Length, nonEmptyFigures.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Lists_PartitionTheReceivedList_AndHoldExactlyTheDossiersComputeCountsInEachFigure(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        // Lists of the whole province: a province-wide reader (StatisticsAudience).
        var leader = await host.ClientAs(await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password);
        foreach (var (from, to) in Periods)
        {
            var ids = new Dictionary<Report06aFigure, HashSet<long>>();
            foreach (var figure in Report06aFigurePredicates.Columns)
            {
                var (_, items) = await ListAllAsync(leader, $"from={from}&to={to}&figure={Report06aDossiersHandler.Key(figure)}");
                ids[figure] = items.Select(i => i.GetProperty("id").GetInt64()).ToHashSet();
            }
            var received = ids[Report06aFigure.Received];
            AssertPartition(received, ids, Report06aFigure.CarriedOver, Report06aFigure.NewOnline, Report06aFigure.NewInPersonOrPostal);
            AssertPartition(received, ids, Report06aFigure.SolvedEarly, Report06aFigure.SolvedOnTime, Report06aFigure.SolvedLate,
                Report06aFigure.Withdrawn, Report06aFigure.Stopped, Report06aFigure.PendingWithinTime, Report06aFigure.PendingOverdue);
            AssertPartition(ids[Report06aFigure.Solved], ids, Report06aFigure.SolvedEarly, Report06aFigure.SolvedOnTime, Report06aFigure.SolvedLate);
            AssertPartition(ids[Report06aFigure.Pending], ids, Report06aFigure.PendingWithinTime, Report06aFigure.PendingOverdue);

            // Dossier by dossier: the Core convention on each dossier's own facts puts it in exactly these lists.
            var start = VietnamTime.ToOffset(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue)).UtcDateTime;
            var end = VietnamTime.ToOffset(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime;
            await using var scope = host.Scope();
            var facts = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking()
                .Select(d => new { d.Id, d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt }).ToListAsync();
            foreach (var figure in Report06aFigurePredicates.Columns)
            {
                var expected = facts.Where(d => Report06aFigurePredicates.Value(
                        Report06a.Compute([Report06aHandler.Fact(d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt)], start, end), figure) == 1)
                    .Select(d => d.Id).Order().ToArray();
                Assert.True(expected.SequenceEqual(ids[figure].Order()), $"{from}..{to} {figure}: expected {expected.Length}, listed {ids[figure].Count}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task List_IsNewestReceptionFirst_PagesWithoutGapsOrOverlaps_AndCarriesNoApplicantData(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        // Lists of the whole province: a province-wide reader (StatisticsAudience).
        var leader = await host.ClientAs(await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password);
        const string query = "/api/statistics/report-06a/dossiers?from=2025-12-01&to=2026-02-28&figure=received";
        var whole = await leader.GetFromJsonAsync<JsonElement>(query + "&pageSize=500");
        var first = await leader.GetFromJsonAsync<JsonElement>(query + "&pageSize=7&page=1");
        var second = await leader.GetFromJsonAsync<JsonElement>(query + "&pageSize=7&page=2");
        Assert.Equal("received", first.GetProperty("figure").GetString());
        Assert.Equal("Tổng số hồ sơ tiếp nhận", first.GetProperty("figureName").GetString());
        Assert.Equal(7, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        long[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(Ids(whole).Take(14), Ids(first).Concat(Ids(second)));
        var items = whole.GetProperty("items").EnumerateArray().ToList();
        var keys = items.Select(i => (i.GetProperty("receivedAt").GetDateTime(), i.GetProperty("id").GetInt64())).ToList();
        Assert.Equal(keys.OrderDescending(), keys);
        Assert.True(keys.Select(k => k.Item1).Distinct().Count() > 1, "the fixture has several reception moments to order");
        Assert.All(items, i => Assert.EndsWith("Z", i.GetProperty("receivedAt").GetString(), StringComparison.Ordinal));
        // A page past the total keeps the total and lists nothing.
        var total = whole.GetProperty("total").GetInt32();
        var beyond = await leader.GetFromJsonAsync<JsonElement>(query + $"&pageSize=7&page={total / 7 + 2}");
        Assert.Equal(total, beyond.GetProperty("total").GetInt32());
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());

        var text = await leader.GetStringAsync(query + "&pageSize=500");
        await using var scope = host.Scope();
        var listed = Ids(whole).ToHashSet();
        var applicants = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking()
            .Where(d => listed.Contains(d.Id)).Select(d => new { d.ApplicantName, d.ApplicantIdNumber, d.ApplicantPhone }).ToListAsync();
        Assert.NotEmpty(applicants);
        foreach (var a in applicants)
        {
            Assert.DoesNotContain(a.ApplicantName, text, StringComparison.Ordinal);
            if (a.ApplicantIdNumber is { Length: > 0 } id)
                Assert.DoesNotContain(id, text, StringComparison.Ordinal);
            if (a.ApplicantPhone is { Length: > 0 } phone)
                Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task List_RefusesWithProblemDetails(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        const string ok = "/api/statistics/report-06a/dossiers?from=2026-01-01&to=2026-01-31&figure=solvedLate";
        await Problem.AssertAsync(await host.Client().GetAsync(ok), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        await Problem.AssertAsync(await (await host.ClientAs("handler.demo")).GetAsync(ok), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        var leader = await host.ClientAs(await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(ok)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(ok.Replace("solvedLate", "SOLVEDLATE", StringComparison.Ordinal))).StatusCode);
        foreach (var (bad, field) in new[]
        {
            ("from=2026-01-01&to=2026-01-31", "figure"),
            ("from=2026-01-01&to=2026-01-31&figure=late", "figure"),
            ("from=2026-01-01&to=2026-01-31&figure=1", "figure"),
            ("from=2026-01-01&to=2026-01-31&figure=received,solved", "figure"),
            ("from=2026-02-30&to=2026-03-31&figure=received", "from"),
            ("to=2026-01-31&figure=received", "from"),
            ("from=2026-03-01&to=2026-01-31&figure=received", "to"),
            ("from=2010-01-01&to=2026-01-31&figure=received", "to"),
            ("from=2026-01-01&to=2026-01-31&figure=received&channel=fax", "channel"),
            ("from=2026-01-01&to=2026-01-31&figure=received&page=0", "page"),
            ("from=2026-01-01&to=2026-01-31&figure=received&pageSize=501", "pageSize"),
            ("from=2026-01-01&to=2026-01-31&figure=received&pageSize=x", "pageSize"),
        })
        {
            var body = await Problem.AssertAsync(await leader.GetAsync("/api/statistics/report-06a/dossiers?" + bad), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"{bad}: {body}");
        }
        await Problem.AssertAsync(await leader.GetAsync(ok + "&agency=KHONG-CO"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        await Problem.AssertAsync(await leader.GetAsync(ok + "&competentAgency=KHONG-CO"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
    }

    private static void AssertPartition(HashSet<long> whole, Dictionary<Report06aFigure, HashSet<long>> ids, params Report06aFigure[] parts)
    {
        for (var i = 0; i < parts.Length; i++)
            for (var j = i + 1; j < parts.Length; j++)
                Assert.True(!ids[parts[i]].Overlaps(ids[parts[j]]), $"{parts[i]} and {parts[j]} share dossiers");
        Assert.True(whole.SetEquals(parts.SelectMany(p => ids[p])), $"{string.Join(" + ", parts)} is not the whole");
    }

    /// <summary>Every page of a list (500 a page), with the total the first page announced.</summary>
    internal static async Task<(int Total, List<JsonElement> Items)> ListAllAsync(HttpClient client, string query)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a/dossiers?{query}&pageSize=500&page={page}");
            var batch = body.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch);
            if (batch.Count < 500)
                return (body.GetProperty("total").GetInt32(), items);
        }
    }
}
