using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulator;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Dvcqg;

namespace MotCua.Tests.Web.Integrations;

/// <summary>The DVCQG fixture with <c>Transport = Lgsp</c>: every call goes through the simulator's LGSP proxy with an LGSP token.</summary>
public sealed class LgspDvcqgFixture : DvcqgFixture
{
    public override Dictionary<string, string> Settings(DatabaseKind kind) => new()
    {
        ["Integrations:Dvcqg:Transport"] = "Lgsp",
        ["Integrations:Dvcqg:ServiceUrl"] = Sim(kind).Url("lgsp/api/SynsTTHCC/"),
        ["Integrations:Dvcqg:UnitCode"] = "000.00.00.H39",
        ["Integrations:Dvcqg:TimeoutSeconds"] = "2",
        ["Integrations:Lgsp:TokenUrl"] = Sim(kind).Url("lgsp/token"),
        ["Integrations:Lgsp:BaseUrl"] = Sim(kind).Url("lgsp/"),
        ["Integrations:Lgsp:ClientId"] = MotCua.Simulator.Lgsp.LgspSystem.ClientId,
        ["Integrations:Lgsp:ClientSecret"] = MotCua.Simulator.Lgsp.LgspSystem.ClientSecret,
        ["Integrations:Lgsp:TimeoutSeconds"] = "2",
        ["Outbox:MaxAttempts"] = "3",
    };
}

/// <summary>DVCQG reached through the provincial LGSP (docs/integrations/dvcqg.md#transport).</summary>
public sealed class DvcqgLgspTests(LgspDvcqgFixture fixture) : IClassFixture<LgspDvcqgFixture>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CounterDossier_ThroughLgsp_ArrivesWithItsFieldsAndEveryStep(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        var code = await DvcqgFixture.CodeAsync(host, id);

        await DvcqgFixture.DrainAsync(host, id);

        var record = fixture.Record(db, code);
        Assert.NotNull(record);
        Assert.Equal(DossierClient.Procedure, (string?)record.Dossier["MaTTHC"]);
        Assert.Equal("Lộc Văn Quầy", (string?)record.Dossier["ChuHoSo"]);
        Assert.Equal("1", (string?)record.Dossier["KenhThucHien"]);
        await DvcqgSyncTests.AssertProgressMatchesHistoryAsync(host, id, record);
        Assert.Equal(SyncState.Synced, (await DvcqgFixture.StateAsync(host, id))!.State);

        var requests = fixture.Sim(db).State.Requests("lgsp");
        var add = requests.First(r => r.Path.Contains("/DongBoHoSoMC?", StringComparison.Ordinal) && r.Body.Contains(code, StringComparison.Ordinal));
        Assert.Equal("/lgsp/api/SynsTTHCC/DongBoHoSoMC?MaDinhDanhDV=000.00.00.H39&isUpdating=False", add.Path);
        Assert.StartsWith("[", add.Body, StringComparison.Ordinal); // the plain array, no session: the proxy holds it
        Assert.DoesNotContain("\"session\"", add.Body, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ", add.Authorization, StringComparison.Ordinal);
        Assert.Contains(requests, r => r.Path.StartsWith("/lgsp/api/SynsTTHCC/CapNhatTienDoHoSoMC?", StringComparison.Ordinal));
        Assert.Empty(fixture.Sim(db).State.Requests("dvcqg"));

        // Logged like the direct transport, and the LGSP token is nowhere in the log.
        var token = add.Authorization![7..];
        await using var scope = host.Scope();
        var log = await scope.ServiceProvider.GetRequiredService<AppDbContext>().IntegrationExchanges.AsNoTracking()
            .Where(e => e.Target == DvcqgOptions.Target && e.RequestBody.Contains(code)).ToListAsync();
        Assert.Contains(log, e => e.Operation == "DongBoHoSoMC" && e.Succeeded && e.HttpStatus == 200);
        Assert.Contains(log, e => e.Operation == "CapNhatTienDoHoSoMC" && e.Succeeded);
        Assert.All(log, e => Assert.DoesNotContain(token, e.RequestBody + e.ResponseBody, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RevokedLgspToken_RenewedOnce_DeliverySucceeds(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        await DvcqgFixture.DrainAsync(host, await DvcqgFixture.ReceiveAtCounterAsync(host)); // a token is cached
        int TokenRequests() => fixture.Sim(db).State.Requests("lgsp").Count(r => r.Path == "/lgsp/token");
        var before = TokenRequests();
        using (var http = new HttpClient())
            (await http.PostAsync(fixture.Sim(db).Url("_sim/lgsp/expire-tokens"), null)).EnsureSuccessStatusCode();

        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        await host.Services.GetRequiredService<MotCua.Web.Infrastructure.Outbox.OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(before + 1, TokenRequests());
        Assert.Equal(SyncState.Synced, (await DvcqgFixture.StateAsync(host, id))!.State);
        Assert.NotNull(fixture.Record(db, await DvcqgFixture.CodeAsync(host, id)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LgspDown_RetriedThenFailed_ErrorOnTheIntegrationsPage(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        var code = await DvcqgFixture.CodeAsync(host, id);
        fixture.Sim(db).State.SetFault("lgsp", FaultMode.Down);

        await DvcqgFixture.DrainAsync(host, id);

        var state = await DvcqgFixture.StateAsync(host, id);
        Assert.Equal(SyncState.Failed, state!.State);
        Assert.Matches("không kết nối được|không lấy được token của LGSP", state.LastError ?? "");
        await using (var scope = host.Scope())
        {
            var key = DossierSyncTracking.OrderingKey(id);
            var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.OrderingKey == key && m.Failed);
            Assert.Equal(3, message.Attempts); // Outbox:MaxAttempts
        }
        Assert.Null(fixture.Record(db, code));
        var admin = await OfficeSignIn.AsAsync(host, "admin.demo");
        var page = await admin.GetStringAsync("/office/lien-thong?ma-ho-so=" + Uri.EscapeDataString(code));
        Assert.Contains("Đồng bộ lỗi", page, StringComparison.Ordinal);
        Assert.Contains(state.LastError!.Split('(')[0].Trim(), page, StringComparison.Ordinal);

        fixture.Sim(db).State.SetFault("lgsp", FaultMode.None);
    }
}
