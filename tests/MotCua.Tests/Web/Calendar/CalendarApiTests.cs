using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Calendar;

[Collection(DemoCollection.Name)]
public class CalendarApiTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Lunar_TetBinhNgo_IsFirstDayOfFirstMonth(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/calendar/lunar?date=2026-02-17");
        Assert.Equal(1, body.GetProperty("day").GetInt32());
        Assert.Equal(1, body.GetProperty("month").GetInt32());
        Assert.Equal(2026, body.GetProperty("year").GetInt32());
        Assert.False(body.GetProperty("leap").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Solar_HungKingsDay2026_And_LeapMonth2023(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var gioTo = await client.GetFromJsonAsync<JsonElement>("/api/calendar/solar?day=10&month=3&year=2026");
        Assert.Equal("2026-04-26", gioTo.GetProperty("date").GetString());
        // Lunar 2023 had a leap second month; its first day was 22 March 2023.
        var leap = await client.GetFromJsonAsync<JsonElement>("/api/calendar/solar?day=1&month=2&year=2023&leap=true");
        Assert.Equal("2023-03-22", leap.GetProperty("date").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Holidays2026_IncludeCompensatoryDayForHungKings(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var days = await client.GetFromJsonAsync<JsonElement[]>("/api/calendar/holidays?year=2026");
        var byDate = days!.ToDictionary(d => d.GetProperty("date").GetString()!);
        Assert.Equal("Compensatory", byDate["2026-04-27"].GetProperty("kind").GetString());
        Assert.True(byDate.ContainsKey("2026-02-17"));
        Assert.True(byDate["2026-11-24"].GetProperty("awaitingConfirmation").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Deadline_ThreeWorkingDaysFromMondayMorning_IsThursdaySameHour(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?from=2026-03-02T10:00:00%2B07:00&workingDays=3");
        Assert.Equal("2026-03-05T10:00:00+07:00", body.GetProperty("due").GetString());
        // The same instant given in UTC answers the same due moment in +07:00.
        var utc = await client.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?from=2026-03-02T03:00:00Z&workingDays=3");
        Assert.Equal("2026-03-05T10:00:00+07:00", utc.GetProperty("due").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Deadline_SameDayAfterCutoff_IsNextWorkingDayClose(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?from=2026-03-03T15:10:00%2B07:00&sameDay=true");
        Assert.Equal("2026-03-04T17:00:00+07:00", body.GetProperty("due").GetString());
    }

    public static TheoryData<DatabaseKind, string> BadCalendarRequests()
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var db in Databases.Kinds)
            foreach (var url in new[]
            {
                "/api/calendar/lunar?date=2026-02-30", "/api/calendar/lunar?date=abc", "/api/calendar/lunar",
                "/api/calendar/solar?day=30&month=12&year=2025", "/api/calendar/solar?day=1&month=3&year=2026&leap=true",
                "/api/calendar/solar?day=x&month=1&year=2026", "/api/calendar/holidays?year=-5", "/api/calendar/holidays?year=abc",
                "/api/calendar/deadline?from=2026-03-02T10:00:00&workingDays=3", "/api/calendar/deadline?from=2026-03-02T10:00:00%2B07:00&workingDays=abc",
                "/api/calendar/deadline?from=2026-03-02T10:00:00%2B07:00&workingDays=-1", "/api/calendar/deadline?from=2026-03-02T10:00:00%2B07:00",
            })
                data.Add(db, url);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadCalendarRequests))]
    public async Task BadInput_Answers400ProblemInVietnamese(DatabaseKind db, string url)
    {
        var response = await (await hosts.Get(db)).Client().GetAsync(url);
        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Overrides_AdminSetsAndRemoves_HolidaysAndDeadlinesFollow(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var admin = await host.ClientAs("admin.demo");
        // 2031: a year no other test touches. Make Friday 5 Sep 2031 a day off and Saturday 6 Sep a working day.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/calendar/overrides/2031-09-05", new { kind = "DayOff", name = "Nghỉ hoán đổi", source = "Thông báo thử" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/calendar/overrides/2031-09-06", new { kind = "WorkingDay", name = "Làm bù" })).StatusCode);

        var days = await admin.GetFromJsonAsync<JsonElement[]>("/api/calendar/holidays?year=2031");
        Assert.Contains(days!, d => d.GetProperty("date").GetString() == "2031-09-05" && d.GetProperty("kind").GetString() == "ExtraDayOff");
        // Thursday 4 Sep 2031 16:00 + 1 working day: Friday is off, Saturday is worked → Saturday 16:00.
        var due = await admin.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?from=2031-09-04T16:00:00%2B07:00&workingDays=1");
        Assert.Equal("2031-09-06T16:00:00+07:00", due.GetProperty("due").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/overrides/2031-09-05")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/overrides/2031-09-06")).StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement[]>("/api/calendar/holidays?year=2031");
        Assert.DoesNotContain(after!, d => d.GetProperty("date").GetString() == "2031-09-05");
        await Problem.AssertAsync(await admin.DeleteAsync("/api/calendar/overrides/2031-09-05"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Overrides_WithoutPermission_AreRefusedAndChangeNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var anonymous = host.Client();
        await Problem.AssertAsync(await anonymous.PutAsJsonAsync("/api/calendar/overrides/2032-01-02", new { kind = "DayOff", name = "x" }), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        var handler = await host.ClientAs("handler.demo");
        await Problem.AssertAsync(await handler.PutAsJsonAsync("/api/calendar/overrides/2032-01-02", new { kind = "DayOff", name = "x" }), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        var admin = await host.ClientAs("admin.demo");
        await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/calendar/overrides/2032-01-02", new { kind = "Holiday", name = "x" }), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/calendar/overrides/2032-02-31", new { kind = "DayOff", name = "x" }), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        var overrides = await admin.GetFromJsonAsync<JsonElement[]>("/api/calendar/overrides?year=2032");
        Assert.Empty(overrides!);
    }
}
