using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;
using MotCua.Web.Features.Statistics.Counters;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Statistics;

/// <summary>
/// The statistics counters kept in the dossier transactions equal a recount of the dossiers, and
/// Report 06a read from them equals the report counted from the dossiers (the Core convention),
/// on SQLite and PostgreSQL, for the demo history and for random histories of real API actions.
/// </summary>
[Collection(DemoCollection.Name)]
public class StatisticsReconciliationTests(DemoHosts hosts)
{
    private static readonly (string From, string To)[] Periods =
    [
        ("2025-09-01", "2026-03-31"), ("2025-12-15", "2026-03-14"), ("2026-01-01", "2026-01-31"), ("2026-02-10", "2026-03-02"),
        ("2026-03-02", "2026-03-02"), ("2026-03-03", "2026-04-30"), ("2024-01-01", "2026-12-31"),
    ];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DemoHistory_CountersEqualARecount_AndTheReportEqualsTheReference(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        await AssertConsistentAsync(host);
        await using var scope = host.Scope();
        var handler = scope.ServiceProvider.GetRequiredService<Report06aHandler>();
        var stc = scope.ServiceProvider.GetRequiredService<AppDbContext>().Agencies.Single(a => a.Code == "STC").Id;
        var sector = scope.ServiceProvider.GetRequiredService<AppDbContext>().ProcedureVersions.Select(v => v.SectorCode).First();
        foreach (var (agency, sectorCode, procedure, channel) in new (long?, string?, string?, Channel?)[]
                 { (stc, null, null, null), (null, sector, null, null), (null, null, Procedure, null), (null, null, null, Channel.Online), (stc, null, null, Channel.InPerson) })
        {
            var period = ReportPeriod.Create(DateOnly.Parse("2025-11-01"), DateOnly.Parse("2026-02-28"), out _)!.Value;
            Same(await handler.FromDossiersAsync(period, agency, sectorCode, procedure, channel, default),
                await handler.HandleAsync(period, agency, sectorCode, procedure, channel, default));
        }
    }

    [Theory]
    [MemberData(nameof(SeedsAndDatabases))]
    public async Task RandomHistories_StayConsistent_AfterEveryFurtherTransition(DatabaseKind db, int seed)
    {
        await using var host = await WebHost.StartAsync(db, demoData: true);
        var random = new Random(seed);
        var actors = await Actors.SignInAsync(host);
        var dossiers = new List<long>();
        var done = new HashSet<string>();
        for (var step = 0; step < 70; step++)
        {
            if (dossiers.Count < 4 || random.Next(5) == 0)
                dossiers.Add(await SubmitNewAsync(host, actors.Citizen));
            var id = dossiers[random.Next(dossiers.Count)];
            var status = (await GetAsync(actors.Citizen, id)).GetProperty("status").GetInt32();
            var (client, action, body) = random.Next(4) == 0 ? actors.Pick(random, host) : actors.Next(status, random, host);
            var response = await ActAsync(client, id, action, body);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{action}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.OK)
                done.Add(action);
            if (random.Next(3) == 0)
            {
                host.Time.Advance(TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 4)));
                actors = await Actors.SignInAsync(host, actors);
            }
            if (step % 10 == 9)
                await AssertConsistentAsync(host);
        }
        await AssertConsistentAsync(host);
        // The history really moved the counters: receptions, ends and ratings happened.
        Assert.Superset(new HashSet<string> { "accept", "forward", "assign", "approve" }, done);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Rebuild_WritesExactlyTheRowsTheLiveTrackingKept(DatabaseKind db)
    {
        // Its own host: the rebuild replaces the counters of the database it runs on.
        await using var host = await WebHost.StartAsync(db, demoData: true);
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var live = await NonZeroRowsAsync(dbc);
        Assert.True(live.Count > 1000, $"The demo history should fill the counters, found {live.Count} rows.");

        var written = await CounterRebuild.RebuildAsync(dbc, default);

        dbc.ChangeTracker.Clear();
        Assert.Equal(live.Count, written);
        Assert.Equal(live, await NonZeroRowsAsync(dbc));
        Assert.Empty(await CounterRebuild.VerifyAsync(dbc, default));
    }

    /// <summary>Counter rows as text in key order; rows of zeros (left by decrements) equal missing rows.</summary>
    private static async Task<List<string>> NonZeroRowsAsync(AppDbContext dbc) =>
        (await dbc.StatisticsCounters.AsNoTracking().ToListAsync())
            .Select(c => (Key: (c.Cube, c.Grain, c.Day, c.AgencyId, c.SectorCode, c.ProcedureCode, c.Channel), Values: CounterRebuild.Values(c)))
            .Where(r => r.Values.Any(v => v != 0))
            .OrderBy(r => r.Key)
            .Select(r => $"{r.Key}: {string.Join(',', r.Values)}")
            .ToList();

    public static TheoryData<DatabaseKind, int> SeedsAndDatabases()
    {
        var data = new TheoryData<DatabaseKind, int>();
        foreach (var db in Databases.Kinds)
            foreach (var seed in new[] { 7, 2026 })
                data.Add(db, seed);
        return data;
    }

    private static async Task AssertConsistentAsync(WebHost host)
    {
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var differences = await CounterRebuild.VerifyAsync(dbc, default);
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(10)));
        var handler = scope.ServiceProvider.GetRequiredService<Report06aHandler>();
        var today = DateOnly.FromDateTime(host.Time.Now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        foreach (var (from, to) in Periods.Append((today.AddDays(-40).ToString("yyyy-MM-dd"), today.ToString("yyyy-MM-dd"))))
        {
            var period = ReportPeriod.Create(DateOnly.Parse(from), DateOnly.Parse(to), out _)!.Value;
            var reference = await handler.FromDossiersAsync(period, null, null, null, null, default);
            Same(reference, await handler.HandleAsync(period, null, null, null, null, default));
            Assert.True(reference.Total.Figures.Reconciles);
        }
    }

    private static void Same(Report06aResponse expected, Report06aResponse actual)
    {
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Rows.Select(r => (r.AgencyCode, r.Figures)), actual.Rows.Select(r => (r.AgencyCode, r.Figures)));
    }

    /// <summary>The demo officers and one citizen, signed in again after the clock moves (tokens last an hour).</summary>
    private sealed record Actors(HttpClient Reception, HttpClient Leader, HttpClient Handler, HttpClient Citizen, string CitizenPhone, long HandlerId)
    {
        public static async Task<Actors> SignInAsync(WebHost host, Actors? previous = null)
        {
            string phone;
            HttpClient citizen;
            if (previous is null)
                (citizen, phone, _) = await NewCitizenAsync(host);
            else
                (citizen, phone) = (await host.ClientAs(previous.CitizenPhone, "MatKhau2026!"), previous.CitizenPhone);
            return new Actors(await host.ClientAs("reception.demo"), await host.ClientAs("leader.demo"), await host.ClientAs("handler.demo"),
                citizen, phone, previous?.HandlerId ?? await DossierLifecycleTests.UserIdAsync(host, "handler.demo"));
        }

        /// <summary>The action that moves a dossier on from its status (DVCQG codes), sometimes a detour.</summary>
        public (HttpClient Client, string Action, object? Body) Next(int status, Random random, WebHost host) => status switch
        {
            1 => (Reception, "accept", null),
            2 => (Reception, "forward", new { note = "Chuyển xử lý" }),
            4 => random.Next(3) switch
            {
                0 => (Leader, "assign", new { userId = HandlerId }),
                1 when random.Next(3) == 0 => (Handler, "request-supplement", new { items = new[] { "Bản sao giấy tờ" }, reason = "Thiếu giấy tờ" }),
                _ => Pick(7, random, host),
            },
            5 => random.Next(2) == 0 ? (Citizen, "supplement", new { note = "Đã bổ sung" }) : (Handler, "confirm-supplement", new { note = "Đủ" }),
            6 => (Handler, "confirm-payment", new { note = "Đã nộp" }),
            9 => (Reception, "return", new { method = "AtCounter", receivedBy = "Hoàng Văn Thử" }),
            _ => (Citizen, "rate", new { rating = random.Next(1, 6) }),
        };

        public (HttpClient Client, string Action, object? Body) Pick(Random random, WebHost host) => Pick(random.Next(16), random, host);

        private (HttpClient Client, string Action, object? Body) Pick(int choice, Random random, WebHost host)
        {
            var reason = new { reason = "Kiểm thử thống kê" };
            var supplement = new { items = new[] { "Bản sao giấy tờ" }, reason = "Thiếu giấy tờ" };
            var today = DateOnly.FromDateTime(host.Time.Now.ToOffset(TimeSpan.FromHours(7)).DateTime);
            return choice switch
            {
                0 or 1 => (Reception, "accept", null),
                2 => (Reception, "forward", new { note = "Chuyển xử lý" }),
                3 => (Leader, "assign", new { userId = HandlerId }),
                4 => (Handler, "request-supplement", supplement),
                5 => (Citizen, "supplement", new { note = "Đã bổ sung" }),
                6 => (Handler, "confirm-supplement", new { note = "Đủ" }),
                7 => (Leader, "approve", new { resultNumber = $"{random.Next(1, 999)}/GP", signer = "Nguyễn Văn A", resultDate = today }),
                8 => (Reception, "return", new { method = "AtCounter", receivedBy = "Hoàng Văn Thử" }),
                9 => (Citizen, "rate", new { rating = random.Next(1, 6) }),
                10 => (Citizen, "withdraw", reason),
                11 => (Leader, "stop", reason),
                12 => (Leader, "recall", reason),
                13 => (Leader, "extend", new { newDue = host.Time.Now.AddDays(random.Next(2, 10)), reason = "Cần thẩm định thêm" }),
                14 => (Handler, "request-payment", new { amountVnd = 50_000 }),
                _ => (Handler, "confirm-payment", new { note = "Đã nộp" }),
            };
        }
    }
}
