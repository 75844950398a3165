using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Features.Accounts;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>
/// Every queue of every role, with search, status filter and paging, returns exactly the dossiers
/// the queue rules and the scope rule select (docs/domain/dossier-handling.md#queues), newest first,
/// with the matching total; the office page's tab counts agree.
/// </summary>
public class DossierQueueTests(QueueHosts hosts) : IClassFixture<QueueHosts>
{
    private const string ReceptionAll = "sub sub2 accFar proMine proSoon proLate supF accSupDone done returned stoppedMine kAccepted";
    private const string FinanceAll = "sub sub2 accFar proMine proSoon proLate supF accSupDone done returned stoppedMine xCompetentF xConsultF";

    /// <summary>
    /// User (or "police" for the consulted agency's officer) · query string · expected labels: newest first,
    /// except in the deadline queues (due soon, overdue), where they are written earliest due first.
    /// </summary>
    public static TheoryData<DatabaseKind, string, string, string> Cases()
    {
        var rows = new (string User, string Query, string Expected)[]
        {
            ("reception.demo", "queue=All", ReceptionAll),
            ("reception.demo", "queue=NewOnline", "sub sub2"),
            ("reception.demo", "queue=ToProcess", "accFar accSupDone kAccepted"),
            ("reception.demo", "queue=DueSoon", "proSoon"),
            ("reception.demo", "queue=Overdue", "proLate"),
            // A status outside the open ones empties a deadline queue; an open one narrows it.
            ("reception.demo", "queue=Overdue&status=9", ""),
            ("reception.demo", "queue=Overdue&status=4", "proLate"),
            ("reception.demo", "queue=Overdue&status=2", ""),
            ("reception.demo", "queue=AwaitingSupplement", "supF accSupDone"),
            ("reception.demo", "queue=ReadyToReturn", "done"),
            ("reception.demo", "queue=Mine", ""),
            ("reception.demo", "queue=All&status=2", "accFar accSupDone kAccepted"),
            ("reception.demo", "queue=All&q=Tr%E1%BA%A7n%20Th%E1%BB%8B%20B%C3%ADch", "sub2"),
            ("reception.demo", "queue=All&q=Q-004", "proLate"),
            ("reception.demo", "queue=All&q=%C4%91%E1%BA%B7c%20bi%E1%BB%87t", "kAccepted"),
            ("reception.demo", "queue=All&q=Nguy%E1%BB%85n%20V%C4%83n%20An", "sub"),
            ("reception.demo", "queue=ToProcess&q=Q-004", ""),
            ("reception.demo", "queue=All&q=nguy%E1%BB%85n%20v%C4%83n%20an", "sub"),
            ("reception.demo", "queue=All&q=%25", ""),
            ("reception.demo", "queue=All&q=_", ""),
            ("handler.demo", "queue=All", FinanceAll),
            ("handler.demo", "queue=NewOnline", ""),
            ("handler.demo", "queue=ToProcess", "proMine proSoon proLate"),
            ("handler.demo", "queue=DueSoon", "proSoon xCompetentF"),
            ("handler.demo", "queue=Overdue", "proLate xConsultF"),
            ("handler.demo", "queue=AwaitingSupplement", "supF accSupDone"),
            ("handler.demo", "queue=ReadyToReturn", ""),
            ("handler.demo", "queue=Mine", "proMine stoppedMine"),
            ("handler.demo", "queue=Overdue&status=4&q=Mai", "xConsultF"),
            ("handler.demo", "queue=All&q=Q-011", ""),
            ("leader.demo", "queue=All", FinanceAll),
            ("leader.demo", "queue=Mine", ""),
            ("leader.demo", "queue=DueSoon", "proSoon xCompetentF"),
            ("police", "queue=All", "kAccepted xCompetentF accFar xSupK"),
            ("police", "queue=ToProcess", "xCompetentF"),
            ("police", "queue=DueSoon", "xCompetentF"),
            ("police", "queue=Overdue", ""),
            ("police", "queue=AwaitingSupplement", "xSupK"),
            ("police", "queue=Mine", "xCompetentF"),
            ("police", "queue=NewOnline", ""),
            ("citizen.demo", "", "sub proLate draft"),
            ("citizen.demo", "q=Nguy%E1%BB%85n%20V%C4%83n%20An", "sub draft"),
        };
        var data = new TheoryData<DatabaseKind, string, string, string>();
        foreach (var kind in Databases.Kinds)
            foreach (var (user, query, expected) in rows)
                data.Add(kind, user, query, expected);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Queue_ReturnsExactlyItsDossiers_InQueueOrder_WithTotal(DatabaseKind db, string user, string query, string expected)
    {
        var set = await hosts.Get(db);
        var client = await set.Host.ClientAs(user == "police" ? set.PoliceOfficer : user, user == "police" ? TestAccounts.Password : MotCua.Web.Features.DemoData.DemoDataSeeder.DemoPassword);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers?pageSize=100&{query}");
        var byDeadline = query.Contains("queue=DueSoon", StringComparison.Ordinal) || query.Contains("queue=Overdue", StringComparison.Ordinal);
        var want = byDeadline ? set.Listed(expected) : set.Expected(expected);
        Assert.Equal(want, Ids(page));
        Assert.Equal(want.Length, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Paging_WalksTheQueueWithoutGapsOrRepeats(DatabaseKind db)
    {
        var set = await hosts.Get(db);
        var client = await set.Host.ClientAs("reception.demo");
        var walked = new List<long>();
        for (var page = 1; page <= 4; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers?queue=All&pageSize=5&page={page}");
            Assert.Equal(12, body.GetProperty("total").GetInt32());
            walked.AddRange(Ids(body));
        }
        Assert.Equal(set.Expected(ReceptionAll), walked);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OfficePage_ShowsEveryTabCount_AndTheChosenQueue(DatabaseKind db)
    {
        var set = await hosts.Get(db);
        var reception = await OfficeSignIn.AsAsync(set.Host, "reception.demo");
        var html = await reception.GetStringAsync("/office/ho-so?queue=ToProcess");
        Assert.Equal(new Dictionary<string, string>
        {
            ["NewOnline"] = "2",
            ["ToProcess"] = "3",
            ["Mine"] = "0",
            ["DueSoon"] = "1",
            ["Overdue"] = "1",
            ["AwaitingSupplement"] = "2",
            ["ReadyToReturn"] = "1",
            ["All"] = "12",
        }, Counts(html));
        foreach (var id in set.Expected("accFar accSupDone kAccepted"))
            Assert.Contains($"href=\"/office/ho-so/{id}\"", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "href=\"/office/ho-so/\\d+\""));

        var handler = await OfficeSignIn.AsAsync(set.Host, "handler.demo");
        Assert.Equal(new Dictionary<string, string>
        {
            ["NewOnline"] = "0",
            ["ToProcess"] = "3",
            ["Mine"] = "2",
            ["DueSoon"] = "2",
            ["Overdue"] = "2",
            ["AwaitingSupplement"] = "2",
            ["ReadyToReturn"] = "0",
            ["All"] = "13",
        }, Counts(await handler.GetStringAsync("/office/ho-so")));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OfficerOfAnotherAgency_SeesNoDossier(DatabaseKind db)
    {
        var set = await hosts.Get(db);
        var outsider = await set.Host.ClientAs(await TestAccounts.NewOfficerAsync(set.Host, "SYT", OfficerRole.Reception), TestAccounts.Password);
        var page = await outsider.GetFromJsonAsync<JsonElement>("/api/dossiers?queue=All&pageSize=100");
        Assert.Empty(Ids(page));
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task QueueBeyondTheCountLimit_IsCountedAsMoreThan10000_AndPagedWithinIt(DatabaseKind db)
    {
        var set = await hosts.Get(db);
        var desk = await set.Host.ClientAs(set.BusyDesk, TestAccounts.Password);
        var counts = (await desk.GetFromJsonAsync<JsonElement>("/api/dossiers/queue-counts")).GetProperty("counts");
        Assert.Equal(10_001, counts.GetProperty("All").GetInt32());
        Assert.Equal(1, counts.GetProperty("NewOnline").GetInt32());
        Assert.Equal(0, counts.GetProperty("Overdue").GetInt32());
        var first = await desk.GetFromJsonAsync<JsonElement>("/api/dossiers?queue=All&pageSize=100");
        Assert.Equal(10_001, first.GetProperty("total").GetInt32());
        Assert.Equal(100, Ids(first).Length);
        var last = await desk.GetFromJsonAsync<JsonElement>("/api/dossiers?queue=All&pageSize=100&page=100");
        Assert.Equal(100, Ids(last).Length);
        Assert.True(Ids(last).Max() < Ids(first).Min());
        var beyond = await desk.GetAsync("/api/dossiers?queue=All&pageSize=100&page=101");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, beyond.StatusCode);

        var page = await OfficeSignIn.AsAsync(set.Host, set.BusyDesk, TestAccounts.Password);
        var html = await page.GetStringAsync("/office/ho-so?queue=All");
        Assert.Equal("hơn 10.000", Counts(html)["All"]);
        Assert.Equal("1", Counts(html)["NewOnline"]);
        Assert.Contains("hơn 10.000 hồ sơ.", html, StringComparison.Ordinal);
    }

    private static long[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    private static Dictionary<string, string> Counts(string html) =>
        Regex.Matches(html, "class=\"queue queue-(\\w+)\"[^>]*>[^<]*<span class=\"queue-count\">([^<]+)</span>")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
}
