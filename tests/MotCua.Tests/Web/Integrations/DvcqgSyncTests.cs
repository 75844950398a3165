using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulator;
using MotCua.Simulator.Dvcqg;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Dvcqg;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Integrations;

/// <summary>Dossiers received at the counter and online reach the DVCQG simulator with their fields and every step (docs/integrations/dvcqg.md).</summary>
public sealed class DvcqgSyncTests(DvcqgFixture fixture) : IClassFixture<DvcqgFixture>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CounterDossier_ArrivesWithItsFieldsAndEveryStep(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        var code = await DvcqgFixture.CodeAsync(host, id);
        Assert.Equal(SyncState.Pending, (await DvcqgFixture.StateAsync(host, id))!.State);

        await DvcqgFixture.DrainAsync(host, id);

        var record = fixture.Record(db, code);
        Assert.NotNull(record);
        var dossier = record.Dossier;
        Assert.Equal(Procedure, (string?)dossier["MaTTHC"]);
        Assert.Equal("1", (string?)dossier["KenhThucHien"]);
        Assert.Equal("2", (string?)dossier["TrangThaiHoSo"]);
        Assert.Equal("Lộc Văn Quầy", (string?)dossier["ChuHoSo"]);
        Assert.Equal("020188000777", (string?)dossier["SoGiayToChuHoSo"]);
        Assert.Equal("1", (string?)dossier["LoaiDoiTuong"]);
        // Written yyyyMMddHHmmss in Vietnam time (UTC+7), not UTC.
        Assert.Equal((await ReceivedAtAsync(host, id)).AddHours(7).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
            (string?)dossier["NgayTiepNhan"]);
        Assert.Matches("^[0-9]{14}$", (string?)dossier["NgayHenTra"] ?? "");
        Assert.Equal("1", (string?)dossier["DinhDanhCHS"]![0]!["LoaiDinhDanh"]);
        var add = fixture.Received(db, "DongBoHoSoMC", code)[0];
        Assert.Equal("False", (string?)add["isUpdating"]);
        Assert.Equal("000.00.00.H39", (string?)add["madonvi"]);
        Assert.False(string.IsNullOrEmpty((string?)add["session"]));
        await AssertProgressMatchesHistoryAsync(host, id, record!);
        var state = await DvcqgFixture.StateAsync(host, id);
        Assert.Equal(SyncState.Synced, state!.State);
        Assert.True(state.KnownByTarget);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlineDossier_SyncedFromSubmission_EveryStepAndUpdatesAfterward(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var journey = await DossierJourney.SubmittedAsync(host);
        // An online dossier has its code from submission (docs/domain/codes.md), so DVCQG hears of it at once.
        await DvcqgFixture.DrainAsync(host, journey.Id);
        Assert.Equal("1", (string?)fixture.Record(db, await DvcqgFixture.CodeAsync(host, journey.Id))!.Dossier["TrangThaiHoSo"]);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, journey.Id, "accept");
        await DvcqgFixture.DrainAsync(host, journey.Id);
        await OkAsync(reception, journey.Id, "forward");
        await DvcqgFixture.DrainAsync(host, journey.Id);

        var code = await DvcqgFixture.CodeAsync(host, journey.Id);
        var record = fixture.Record(db, code)!;
        Assert.Equal("2", (string?)record.Dossier["KenhThucHien"]);
        Assert.Equal(1, record.Adds);
        Assert.True(record.Updates >= 1);
        Assert.Equal("True", (string?)fixture.Received(db, "DongBoHoSoMC", code)[^1]["isUpdating"]);
        await AssertProgressMatchesHistoryAsync(host, journey.Id, record);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DvcqgDownForAWhile_ThenBack_NothingLostAndOrderKept(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var journey = await DossierJourney.SubmittedAsync(host);
        fixture.Sim(db).State.SetFault("dvcqg", FaultMode.Down);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, journey.Id, "accept");
        await OkAsync(reception, journey.Id, "forward");
        var dispatcher = host.Services.GetRequiredService<MotCua.Web.Infrastructure.Outbox.OutboxDispatcher>();
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        var waiting = await DvcqgFixture.StateAsync(host, journey.Id);
        Assert.Equal(SyncState.Pending, waiting!.State);
        Assert.Contains("không kết nối được", waiting.LastError, StringComparison.Ordinal);

        fixture.Sim(db).State.SetFault("dvcqg", FaultMode.None);
        await DvcqgFixture.DrainAsync(host, journey.Id);

        var code = await DvcqgFixture.CodeAsync(host, journey.Id);
        var record = fixture.Record(db, code)!;
        Assert.Equal("4", (string?)record.Dossier["TrangThaiHoSo"]);
        await AssertProgressMatchesHistoryAsync(host, journey.Id, record);
        Assert.Equal(SyncState.Synced, (await DvcqgFixture.StateAsync(host, journey.Id))!.State);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ExpiredSession_NewTokenAndTheCallMadeOnceMore(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        await DvcqgFixture.DrainAsync(host, await DvcqgFixture.ReceiveAtCounterAsync(host)); // a session is cached
        var authBefore = fixture.Sim(db).State.Requests("dvcqg").Count(r => r.Path.EndsWith("/auth", StringComparison.Ordinal));
        fixture.Sim(db).State.SetFlag(DvcqgRoutes.ExpireSessionFlag, "1");
        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        await host.Services.GetRequiredService<MotCua.Web.Infrastructure.Outbox.OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(authBefore + 1, fixture.Sim(db).State.Requests("dvcqg").Count(r => r.Path.EndsWith("/auth", StringComparison.Ordinal)));
        Assert.Equal(SyncState.Synced, (await DvcqgFixture.StateAsync(host, id))!.State);
        Assert.NotNull(fixture.Record(db, await DvcqgFixture.CodeAsync(host, id)));
    }

    /// <summary>The app dies after DVCQG took the dossier but before the delivery was committed: the lease runs out, it is delivered again, DVCQG holds it once.</summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LeaseExpiresMidDelivery_DeliveredAgain_EffectOnce(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var id = await DvcqgFixture.ReceiveAtCounterAsync(host);
        await DvcqgFixture.DrainAsync(host, id);
        var code = await DvcqgFixture.CodeAsync(host, id);
        var progressBefore = fixture.Record(db, code)!.Progress.Count;
        await using (var scope = host.Scope())
        {
            // As the dead node left it: the message claimed (leased) and not done, the sync state as before the call.
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var key = DossierSyncTracking.OrderingKey(id);
            var now = host.Time.Now.UtcDateTime;
            await dbc.OutboxMessages.Where(m => m.OrderingKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null).SetProperty(m => m.LockedUntil, now.AddMinutes(5)));
            await dbc.DossierSyncStates.Where(s => s.DossierId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.KnownByTarget, false).SetProperty(x => x.LastSyncedHistoryId, 0L).SetProperty(x => x.DeliveredSequence, 0L));
        }
        var dispatcher = host.Services.GetRequiredService<MotCua.Web.Infrastructure.Outbox.OutboxDispatcher>();
        var requests = fixture.Received(db, "DongBoHoSoMC", code).Count;
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(requests, fixture.Received(db, "DongBoHoSoMC", code).Count); // the lease still holds

        host.Time.Advance(TimeSpan.FromMinutes(6));
        await DvcqgFixture.DrainAsync(host, id);

        var record = fixture.Record(db, code)!;
        Assert.True(fixture.Received(db, "DongBoHoSoMC", code).Count > requests); // delivered again: add answered "đã tồn tại", then update
        Assert.Equal(1, record.Adds);
        Assert.Equal(progressBefore, record.Progress.Count);
        Assert.Equal(SyncState.Synced, (await DvcqgFixture.StateAsync(host, id))!.State);
    }

    private static async Task<DateTime> ReceivedAtAsync(WebHost host, long id)
    {
        await using var scope = host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Id == id)).ReceivedAt!.Value;
    }

    /// <summary>Each progress item DVCQG holds is one history row, in order, with the dossier's own status 1–10.</summary>
    internal static async Task AssertProgressMatchesHistoryAsync(WebHost host, long id, DvcqgRecord record)
    {
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var history = await dbc.DossierHistory.AsNoTracking().Where(h => h.DossierId == id).OrderBy(h => h.Id).ToListAsync();
        var dossier = await dbc.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal(history.Select(h => ((int)h.ToStatus).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            record.Progress.Select(p => (string?)p["TrangThai"]));
        Assert.Equal(history.Select(h => h.ActionName), record.Progress.Select(p => ((string?)p["NoiDungXuLy"])!.Split(':')[0]));
        Assert.Equal(((int)dossier.Status).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)record.Dossier["TrangThaiHoSo"]);
        Assert.All(record.Progress, p => Assert.Matches("^[0-9]{14}$", (string?)p["ThoiDiemXuLy"] ?? ""));
    }
}
