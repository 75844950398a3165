using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;

namespace MotCua.Tests.Web.Statistics;

/// <summary>Early / on time / late at minute precision (docs/domain/statistics.md#timeliness): the lists in SQL against the report and Core's Timeliness.</summary>
public class Report06aDossiersBoundaryTests
{
    private static readonly DateTime Due = new(2027, 1, 5, 3, 0, 0, DateTimeKind.Utc); // 10:00:00 +07
    private static readonly DateTime DueAt30s = Due.AddSeconds(30); // 10:00:30 +07

    /// <summary>A due moment, the end relative to it, the expected figure and lateness in minutes.</summary>
    private static readonly (DateTime? Due, TimeSpan After, string Figure, long? LateBy)[] Cases =
    [
        (Due, TimeSpan.FromSeconds(-1), "solvedEarly", null),
        (Due, TimeSpan.Zero, "solvedOnTime", null),
        (Due, TimeSpan.FromSeconds(59), "solvedOnTime", null),
        (Due, TimeSpan.FromTicks(TimeSpan.TicksPerMinute - 10), "solvedOnTime", null), // 59.999999 s: still the due minute
        (Due, TimeSpan.FromSeconds(60), "solvedLate", 1),
        (Due, TimeSpan.FromSeconds(61), "solvedLate", 1),
        (Due, TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(10), "solvedLate", 60), // same minute field, an hour later
        (Due, -(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(50)), "solvedEarly", null), // same minute field, an hour earlier
        (DueAt30s, TimeSpan.FromSeconds(-20), "solvedOnTime", null), // 10:00:10 against 10:00:30
        (DueAt30s, TimeSpan.FromSeconds(-40), "solvedEarly", null), // 09:59:50: 40 s before, but the minute before
        (DueAt30s, TimeSpan.FromSeconds(29.9), "solvedOnTime", null), // 10:00:59.9
        (DueAt30s, TimeSpan.FromSeconds(35), "solvedLate", 1), // 10:01:05: 35 s after, but the next minute
        (null, TimeSpan.FromHours(2), "solvedOnTime", null), // no appointment: on time
    ];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EarlyOnTimeAndLateLists_CompareEndAndDueTruncatedToTheMinute(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: true);
        var expected = new Dictionary<long, (string Figure, long? LateBy, DateTime End)>();
        await using (var scope = host.Scope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Solved demo dossiers moved into January 2027, where no other dossier ends.
            var dossiers = await dbc.Dossiers.Where(d => d.Status == DossierStatus.Returned).OrderBy(d => d.Id).Take(Cases.Length).ToListAsync();
            Assert.Equal(Cases.Length, dossiers.Count);
            foreach (var (d, c) in dossiers.Zip(Cases))
            {
                d.ReceivedAt = new DateTime(2027, 1, 4, 2, 0, 0, DateTimeKind.Utc);
                d.DueAt = c.Due;
                d.ProcessingEndedAt = (c.Due ?? Due) + c.After;
                expected[d.Id] = (c.Figure, c.LateBy, d.ProcessingEndedAt.Value);
                // The expectations are Core's convention, not this test's own idea of it.
                var sign = Report06a.Timeliness(d.ProcessingEndedAt.Value, d.DueAt);
                Assert.Equal(c.Figure, sign < 0 ? "solvedEarly" : sign == 0 ? "solvedOnTime" : "solvedLate");
            }
            await dbc.SaveChangesAsync();
        }

        var leader = await host.ClientAs(await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password);
        const string period = "from=2027-01-04&to=2027-01-10";
        var report = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?" + period);
        foreach (var figure in new[] { "solvedEarly", "solvedOnTime", "solvedLate" })
        {
            var list = await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a/dossiers?{period}&figure={figure}&pageSize=100");
            var items = list.GetProperty("items").EnumerateArray().ToList();
            var wanted = expected.Where(e => e.Value.Figure == figure).Select(e => e.Key).Order();
            Assert.Equal(wanted, items.Select(i => i.GetProperty("id").GetInt64()).Order());
            Assert.Equal(report.GetProperty("total").GetProperty("figures").GetProperty(figure).GetInt32(), list.GetProperty("total").GetInt32());
            foreach (var item in items)
            {
                var lateBy = item.GetProperty("lateByMinutes");
                Assert.Equal(expected[item.GetProperty("id").GetInt64()].LateBy, lateBy.ValueKind == JsonValueKind.Null ? null : lateBy.GetInt64());
                // The 06a end time, in UTC (PostgreSQL keeps microseconds).
                var end = item.GetProperty("endedAt").GetDateTime();
                Assert.Equal(DateTimeKind.Utc, end.Kind);
                Assert.InRange((expected[item.GetProperty("id").GetInt64()].End - end).Ticks, 0, 9);
            }
        }
    }
}
