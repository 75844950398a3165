using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.DemoData;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Tests.Web.DemoData;

/// <summary>
/// The demo dossiers the seeder generates must look like the real actions wrote them: the next
/// issue's statistics read them. Other tests add their own dossiers to the shared demo host at
/// the host's clock, so the demo ones are those submitted before it.
/// </summary>
[Collection(DemoCollection.Name)]
public class DemoDossiersTests(DemoHosts hosts)
{
    /// <summary>The calendar the seeder used: office hours and generated holidays, no overrides (tests add some later).</summary>
    private static readonly WorkingCalendar SeedCalendar = new(OfficeHours.Default, []);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_HasHundredsOfDossiersInEveryStatusAndChannel(DatabaseKind db)
    {
        var (dossiers, _) = await LoadAsync(await hosts.Get(db));
        Assert.True(dossiers.Count >= 500, $"{dossiers.Count} demo dossiers");
        Assert.Equal(Enumerable.Range(1, 10), dossiers.Select(d => (int)d.Status).Distinct().Order());
        var online = dossiers.Count(d => d.Channel == Channel.Online) / (double)dossiers.Count;
        var postal = dossiers.Count(d => d.Channel == Channel.Postal) / (double)dossiers.Count;
        Assert.InRange(online, 0.45, 0.65);
        Assert.InRange(postal, 0.02, 0.10);
        var now = WebHost.DefaultNow.UtcDateTime;
        Assert.True(dossiers.Min(d => d.SubmittedAt!.Value) < now.AddMonths(-5), "spread over six months");
        Assert.True(dossiers.Min(d => d.SubmittedAt!.Value) >= now.AddMonths(-6).AddDays(-1));
        // Both levels: the provincial centre and commune centres receive.
        Assert.Contains(dossiers, d => d.ProcedureCode == "2.001610");
        Assert.True(dossiers.Select(d => d.ReceivingAgencyId).Distinct().Count() > 10);
        // Some days are busier than others.
        var perDay = dossiers.Where(d => d.ReceivedAt is not null).GroupBy(d => DateOnly.FromDateTime(DossierWorkflow.Local(d.ReceivedAt!.Value))).Select(g => g.Count()).ToList();
        Assert.True(perDay.Max() >= 3 * perDay.Min(), $"busiest day {perDay.Max()}, quietest {perDay.Min()}");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_CodesAreWellFormedUniqueAndGaplessPerUnitAndDay(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (dossiers, _) = await LoadAsync(host);
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var units = await context.Agencies.ToDictionaryAsync(a => a.Id, a => a.Qcvn102Code);
        var coded = dossiers.Where(d => d.Code is not null).ToList();
        Assert.Equal(coded.Count, coded.Select(d => d.Code).Distinct().Count());
        Assert.All(dossiers, d => Assert.Equal(d.ReceivedAt is not null, d.Code is not null));
        var parsed = coded.Select(d =>
        {
            Assert.True(DossierCode.TryParse(d.Code, out var unit, out var day, out var number), d.Code);
            Assert.Equal(units[d.ReceivingAgencyId], unit);
            Assert.Equal(DateOnly.FromDateTime(DossierWorkflow.Local(d.ReceivedAt!.Value)), day);
            return (Unit: unit, Day: day, Number: number, d.ReceivedAt);
        }).ToList();
        var today = DateOnly.FromDateTime(WebHost.DefaultNow.DateTime);
        var sequences = await context.DossierSequences.ToListAsync();
        // Other tests receive dossiers today; earlier days hold demo dossiers only.
        foreach (var group in parsed.Where(p => p.Day < today).GroupBy(p => (p.Unit, p.Day)))
        {
            var ordered = group.OrderBy(p => p.ReceivedAt).Select(p => p.Number).ToList();
            Assert.Equal(Enumerable.Range(1, ordered.Count), ordered);
            Assert.Equal(ordered.Count, sequences.Single(s => s.UnitCode == group.Key.Unit && s.Day == group.Key.Day).Last);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_NextCounterReceptionOnADemoDayContinuesTheSequence(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (dossiers, _) = await LoadAsync(host);
        var busiest = dossiers.Where(d => d.Code is not null && d.ReceivedAt < WebHost.DefaultNow.UtcDateTime.Date)
            .GroupBy(d => d.Code![..^5]).OrderByDescending(g => g.Count()).First();
        var last = busiest.OrderBy(d => d.ReceivedAt).Last();
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await context.Database.BeginTransactionAsync();
        var unit = busiest.Key[..^7];
        var code = await DossierCodes.IssueAsync(context, unit, last.ReceivedAt!.Value.AddMinutes(1), CancellationToken.None);
        await tx.RollbackAsync();
        Assert.Equal(DossierCode.Format(unit, DateOnly.FromDateTime(DossierWorkflow.Local(last.ReceivedAt!.Value)), busiest.Count() + 1), code);
        Assert.DoesNotContain(dossiers, d => d.Code == code);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_HistoryAgreesWithStatusFieldsAndClock(DatabaseKind db)
    {
        var (dossiers, history) = await LoadAsync(await hosts.Get(db));
        var now = WebHost.DefaultNow.UtcDateTime;
        string[] firstActions = ["Nộp hồ sơ trực tuyến", "Tiếp nhận hồ sơ trực tiếp", "Tiếp nhận hồ sơ qua bưu chính"];
        foreach (var d in dossiers)
        {
            var rows = history[d.Id];
            Assert.Equal(d.Channel switch { Channel.Online => firstActions[0], Channel.InPerson => firstActions[1], _ => firstActions[2] }, rows[0].ActionName);
            Assert.Equal(d.SubmittedAt, rows[0].At);
            Assert.Equal(d.Channel == Channel.Online ? DossierStatus.Submitted : DossierStatus.Accepted, rows[0].ToStatus);
            for (var i = 1; i < rows.Count; i++)
            {
                var row = rows[i];
                Assert.True(row.At >= rows[i - 1].At, $"{d.Id}: history goes back in time");
                Assert.Equal(rows[i - 1].ToStatus, row.FromStatus);
                Assert.Equal(DossierStateMachine.Next(row.FromStatus!.Value, row.Action!.Value), row.ToStatus);
                Assert.Equal(DossierStateMachine.VietnameseName(row.Action.Value), row.ActionName);
            }
            Assert.True(rows[^1].At <= now);
            Assert.Equal(d.Status, rows[^1].ToStatus);
            Assert.Equal(rows.Count - 1 + (d.Rating is null ? 0 : 1), d.Version);
            AssertFieldsMatch(d, rows);
        }
    }

    private static void AssertFieldsMatch(Dossier d, List<DossierHistory> rows)
    {
        DateTime? When(DossierAction action) => rows.LastOrDefault(r => r.Action == action)?.At;
        if (d.ReceivedAt is { } received)
        {
            Assert.Equal(d.Channel == Channel.Online ? When(DossierAction.Accept) : d.SubmittedAt, received);
            var local = DossierWorkflow.Local(received);
            Assert.Equal(local, SeedCalendar.NextWorkingInstant(local)); // received in office hours
            Assert.Equal(received, d.ClockStartAt);
            var due = DossierWorkflow.ToUtc(Deadline.Due(SeedCalendar, local, new TimeLimit(d.LimitValue, d.LimitUnit)));
            if (d.PausedWorkingMinutes == 0)
                Assert.Equal(due, d.OriginalDueAt ?? d.DueAt);
        }
        if (d.Status is DossierStatus.Processed or DossierStatus.Returned)
        {
            Assert.Equal(When(DossierAction.Approve), d.ProcessingEndedAt);
            Assert.True(d.ProcessingEndedAt >= d.ReceivedAt);
            Assert.NotNull(d.ResultNumber);
        }
        Assert.Equal(d.Status == DossierStatus.Returned, d.ReturnedAt is not null && d.ReturnMethod is not null);
        Assert.Equal(d.Status is DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Stopped ? rows[^1].At : null, d.EndedAt);
        if (d.Status == DossierStatus.SupplementRequested)
            Assert.True(d.SupplementState != SupplementState.None && d.PausedAt is not null);
        if (d.Status == DossierStatus.FinancialObligation)
            Assert.True(d.PaymentState == PaymentState.Requested && d.PausedAt is not null);
        Assert.Equal(rows.Count(r => r.Action is DossierAction.RequestSupplement or DossierAction.RequestSupplementAtReception), d.SupplementCount);
        Assert.Equal(rows.Count(r => r.Action is DossierAction.RequestSupplement or DossierAction.RequestPayment), d.PauseCount);
        Assert.Equal(rows.Count(r => r.Action == DossierAction.Extend), d.ExtensionCount);
        if (d.ApplicantType == ApplicantType.Citizen)
            Assert.Empty(PersonalIdentificationNumber.Validate(d.ApplicantIdNumber, d.ApplicantBirthDate));
        Assert.Equal(TrackingCheck.LastFour(d.ApplicantIdNumber), d.CheckIdLast4);
        Assert.Equal(TrackingCheck.LastFour(d.ApplicantPhone), d.CheckPhoneLast4);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_FinishedAreMostlyOnTime_SomeLate_OpenOnesOverdueOrDueSoon(DatabaseKind db)
    {
        var (dossiers, _) = await LoadAsync(await hosts.Get(db));
        var finished = dossiers.Where(d => d.ProcessingEndedAt is not null).ToList();
        var late = finished.Count(d => d.ProcessingEndedAt > d.DueAt);
        Assert.InRange(late / (double)finished.Count, 0.05, 0.20);
        Assert.Contains(finished, d => d.ProcessingEndedAt < d.DueAt);
        Assert.Contains(finished, d => d.ProcessingEndedAt == d.DueAt);
        var now = WebHost.DefaultNow.UtcDateTime;
        var open = dossiers.Where(d => d.Status is DossierStatus.Accepted or DossierStatus.Processing).ToList();
        Assert.Contains(open, d => d.DueAt < now);
        var nowLocal = WebHost.DefaultNow.DateTime;
        Assert.Contains(open, d => d.DueAt >= now && SeedCalendar.WorkingTimeBetween(nowLocal, DossierWorkflow.Local(d.DueAt!.Value)) <= SeedCalendar.Hours.DayLength);
        Assert.Contains(dossiers, d => d.SupplementCount == 1);
        Assert.InRange(dossiers.Count(d => d.SupplementCount == 2), 1, 15);
        Assert.InRange(dossiers.Count(d => d.ExtensionCount == 1), 1, 3);
        Assert.All(dossiers.Where(d => d.ExtensionCount == 1), d => Assert.True(d.OriginalDueAt < d.DueAt));
        var ratings = dossiers.Where(d => d.Rating is not null).Select(d => d.Rating!.Value).ToList();
        Assert.True(ratings.Count >= 5 && ratings.Distinct().Count() >= 3, $"{ratings.Count} ratings");
        Assert.All(ratings, r => Assert.InRange(r, 1, 5));
        Assert.All(dossiers.Where(d => d.Rating is not null), d => Assert.True(d.Status == DossierStatus.Returned && d.RatedAt >= d.ReturnedAt));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_FormDataValidatesAgainstEachCase(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (dossiers, _) = await LoadAsync(host);
        await using var scope = host.Scope();
        var versions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProcedureVersions.AsNoTracking().ToDictionaryAsync(v => v.Id);
        foreach (var d in dossiers)
        {
            var @case = versions[d.ProcedureVersionId].Definition.Cases.Single(c => c.Code == d.CaseCode);
            using var json = JsonDocument.Parse(d.FormDataJson);
            Assert.Empty(FormDataRules.Validate(@case.FormFields, json.RootElement));
            var limit = d.Channel == Channel.Online && @case.OnlineTimeLimit is { } online ? online : @case.TimeLimit;
            Assert.Equal((limit.Value, limit.Unit), (d.LimitValue, d.LimitUnit));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_CitizenSeesOwnDossiers_ReceptionQueuesAreNotEmpty(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (dossiers, _) = await LoadAsync(host);
        var citizenId = await DossierLifecycleTests.UserIdAsync(host, "citizen.demo");
        var owned = dossiers.Where(d => d.OwnerAccountId == citizenId).Select(d => d.Id).ToHashSet();
        Assert.True(owned.Count >= 20, $"citizen.demo owns {owned.Count}");
        var citizen = await host.ClientAs("citizen.demo");
        var list = await citizen.GetFromJsonAsync<JsonElement>("/api/dossiers?pageSize=100");
        Assert.True(list.GetProperty("total").GetInt32() >= owned.Count);
        Assert.Superset(owned, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToHashSet());
        var returned = dossiers.First(d => d.OwnerAccountId == citizenId && d.Status == DossierStatus.Returned);
        var detail = await citizen.GetFromJsonAsync<JsonElement>($"/api/dossiers/{returned.Id}");
        Assert.Equal(10, detail.GetProperty("status").GetInt32());
        Assert.Equal(returned.Code, detail.GetProperty("code").GetString());

        var reception = await host.ClientAs("reception.demo");
        var demoIds = dossiers.Select(d => d.Id).ToHashSet();
        foreach (var queue in new[] { "NewOnline", "Overdue", "DueSoon", "ToProcess", "AwaitingSupplement", "ReadyToReturn" })
        {
            var page = await reception.GetFromJsonAsync<JsonElement>($"/api/dossiers?queue={queue}&pageSize=100");
            Assert.Contains(page.GetProperty("items").EnumerateArray(), i => demoIds.Contains(i.GetProperty("id").GetInt64()));
        }
    }

    [Fact]
    public async Task Demo_IsDeterministicForASeed_AndAnotherSeedGivesAnotherSet()
    {
        var (shared, _) = await LoadAsync(await hosts.Get(DatabaseKind.Sqlite));
        await using var fresh = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: true);
        var (again, _) = await LoadAsync(fresh);
        static object Fingerprint(Dossier d) => (d.Code, d.Status, d.ApplicantName, d.SubmittedAt, d.DueAt, d.ProcessingEndedAt, d.FormDataJson);
        Assert.Equal(shared.Select(Fingerprint), again.Select(Fingerprint));
        if (Databases.Kinds.Contains(DatabaseKind.Postgres))
            Assert.Equal(shared.Select(Fingerprint), (await LoadAsync(await hosts.Get(DatabaseKind.Postgres))).Dossiers.Select(Fingerprint));

        // Another seed on the same data, rolled back: as many dossiers, in every status, but different ones.
        await using var scope = fresh.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.Equal(600, await DemoDossiers.GenerateAsync(db, SeedCalendar, WebHost.DefaultNow.UtcDateTime, seed: 7));
        var lastDemoId = again[^1].Id;
        var generated = await db.Dossiers.AsNoTracking().Where(d => d.Id > lastDemoId).OrderBy(d => d.Id).ToListAsync();
        var other = generated.Take(20).ToList();
        await tx.RollbackAsync();
        Assert.Equal(600, generated.Count);
        Assert.Equal(Enumerable.Range(1, 10), generated.Select(d => (int)d.Status).Distinct().Order());
        Assert.NotEqual(again.Take(20).Select(d => d.ApplicantName), other.Select(d => d.ApplicantName));
    }

    /// <summary>The demo dossiers (submitted before the host's clock) and their history rows in order.</summary>
    private static async Task<(List<Dossier> Dossiers, Dictionary<long, List<DossierHistory>> History)> LoadAsync(WebHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = WebHost.DefaultNow.UtcDateTime;
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.SubmittedAt < now).OrderBy(d => d.Id).ToListAsync();
        var ids = dossiers.Select(d => d.Id).ToHashSet();
        var rows = await db.DossierHistory.AsNoTracking().OrderBy(h => h.Id).ToListAsync();
        return (dossiers, rows.Where(r => ids.Contains(r.DossierId)).GroupBy(r => r.DossierId).ToDictionary(g => g.Key, g => g.ToList()));
    }
}
