using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Tests.Web.Notifications;

/// <summary>The dispatcher drains while there is work, lanes and nodes never deliver a message twice, and it reports its lag.</summary>
public class OutboxDrainTests
{
    private static Task<WebHost> StartAsync(DatabaseKind db, int batchSize) =>
        WebHost.StartAsync(db, demoData: false, new Dictionary<string, string> { ["Outbox:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static async Task EnqueueAsync(WebHost host, int count)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < count; i++)
            OutboxDispatcher.Enqueue(db, NotificationOutboxHandler.MessageType, new Notification(NotificationChannel.Sms, "0981234567", "Thử", $"tin {i}", null), host.Time.Now.UtcDateTime);
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Drain_DeliversBatchAfterBatchWhileTheyComeBackFull(DatabaseKind db)
    {
        await using var host = await StartAsync(db, batchSize: 10);
        await EnqueueAsync(host, 25);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(25, await dispatcher.DrainAsync(CancellationToken.None));
        Assert.Equal(25, host.Notifications().Count);
        await using var scope = host.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.ProcessedAt == null || m.LockedUntil != null));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoLanesDrainingAtOnce_DeliverEachMessageExactlyOnce(DatabaseKind db)
    {
        await using var host = await StartAsync(db, batchSize: 20);
        await EnqueueAsync(host, 200);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();

        var lanes = await Task.WhenAll(Task.Run(() => dispatcher.DrainAsync(CancellationToken.None)), Task.Run(() => dispatcher.DrainAsync(CancellationToken.None)));

        Assert.Equal(200, lanes.Sum());
        var bodies = host.Notifications().Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Body").GetString()).ToList();
        Assert.Equal(200, bodies.Count);
        Assert.Equal(200, bodies.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Lag_ReportsQueuedCountAndOldestDueAge(DatabaseKind db)
    {
        await using var host = await StartAsync(db, batchSize: 50);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(new OutboxLag(0, TimeSpan.Zero, 0), await dispatcher.GetLagAsync(CancellationToken.None));
        await EnqueueAsync(host, 3);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await EnqueueAsync(host, 2);

        Assert.Equal(new OutboxLag(5, TimeSpan.FromMinutes(10), 0), await dispatcher.GetLagAsync(CancellationToken.None));
        await dispatcher.DrainAsync(CancellationToken.None);
        Assert.Equal(new OutboxLag(0, TimeSpan.Zero, 0), await dispatcher.GetLagAsync(CancellationToken.None));
    }
}
