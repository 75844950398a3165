using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Dvcqg;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Tests.Web.Integrations;

/// <summary>Two web nodes on one PostgreSQL dispatch the same queue: the lease lets each message be delivered once.</summary>
public sealed class TwoNodesTests(DvcqgFixture fixture) : IClassFixture<DvcqgFixture>
{
    [Fact]
    public async Task TwoNodesOnOnePostgres_DispatchingTogether_DeliverEachMessageOnce()
    {
        if (Databases.PostgresServer is null)
            return; // needs MOTCUA_TEST_POSTGRES (.ci/run sets it)
        const DatabaseKind db = DatabaseKind.Postgres;
        var first = await fixture.Get(db);
        var settings = fixture.Settings(DatabaseKind.Postgres);
        settings["Database:ConnectionString"] = first.ConnectionString;
        await using var second = await WebHost.StartAsync(DatabaseKind.Postgres, demoData: false, settings);
        second.Time.Now = first.Time.Now;
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
            ids.Add(await DvcqgFixture.ReceiveAtCounterAsync(first, $"0201880009{i:00}"));

        Task[] nodes = [DispatchUntilEmptyAsync(first, ids), DispatchUntilEmptyAsync(second, ids)];
        try
        {
            await Task.WhenAll(nodes);
        }
        catch when (nodes.Count(t => t.IsFaulted) > 1)
        {
            // Awaiting WhenAll shows the first node's error only; the second node's may be the cause.
            throw new AggregateException(nodes.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions));
        }

        foreach (var id in ids)
        {
            var code = await DvcqgFixture.CodeAsync(first, id);
            var adds = fixture.Received(db, "DongBoHoSoMC", code).Count(b => (string?)b["isUpdating"] == "False");
            Assert.Equal(1, adds);
            Assert.Equal(0, fixture.Record(db, code)!.Updates);
        }
        await using var scope = first.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // One DongBoHoSoMC exchange per message: no message was delivered by both nodes.
        var perMessage = await context.IntegrationExchanges.Where(e => e.Target == DvcqgOptions.Target && e.Operation == "DongBoHoSoMC" && e.OutboxMessageId != null)
            .GroupBy(e => e.OutboxMessageId).Select(g => g.Count()).ToListAsync();
        Assert.All(perMessage, count => Assert.Equal(1, count));
    }

    private static async Task DispatchUntilEmptyAsync(WebHost host, IReadOnlyList<long> ids)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var keys = ids.Select(MotCua.Web.Features.Integrations.Core.DossierSyncTracking.OrderingKey).ToList();
        // Bounded by time, not by passes: while the other node holds a batch (its lease), this node's passes
        // claim nothing and 200 of them took less time than the other node's deliveries on a loaded machine.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (await dispatcher.DispatchOnceAsync(CancellationToken.None) == 0)
                await Task.Delay(20);
            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.OutboxMessages.AnyAsync(m => m.OrderingKey != null && keys.Contains(m.OrderingKey) && m.ProcessedAt == null))
                return;
        }
        await using var last = host.Scope();
        var context = last.ServiceProvider.GetRequiredService<AppDbContext>();
        var left = await context.OutboxMessages
            .Where(m => m.OrderingKey != null && keys.Contains(m.OrderingKey) && m.ProcessedAt == null)
            .Select(m => m.Type + " #" + m.Id + " v" + m.Version + " attempts " + m.Attempts + ", locked until " + m.LockedUntil + ", exchanges "
                + context.IntegrationExchanges.Count(e => e.OutboxMessageId == m.Id) + ": " + m.LastError).ToListAsync();
        Assert.Fail("The queue did not drain: " + string.Join(" | ", left));
    }

}
