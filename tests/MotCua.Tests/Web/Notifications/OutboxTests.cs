using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Outbox;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Notifications;

/// <summary>The notification outbox: failed deliveries are retried and never undo the dossier.</summary>
public class OutboxTests
{
    [Fact]
    public async Task Outbox_FailedDelivery_IsRetriedWithBackoffAndNeverUndoesTheDossier()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: true, new Dictionary<string, string>
        {
            // A folder where a file cannot be created: every delivery fails.
            ["Notifications:FilePath"] = "/proc/motcua-cannot-write/notifications.jsonl",
        });
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        await using (var scope = host.Scope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messages = await dbc.OutboxMessages.Where(m => m.Type == NotificationOutboxHandler.MessageType).ToListAsync();
            Assert.NotEmpty(messages);
            Assert.All(messages, m => Assert.Equal(1, m.Attempts));
            Assert.All(messages, m => Assert.True(m.AvailableAt > host.Time.Now.UtcDateTime));
            Assert.All(messages, m => Assert.Null(m.ProcessedAt));
        }
        // Not due yet: nothing is tried again until the backoff has passed.
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(1, (await GetAsync(citizen, id)).GetProperty("status").GetInt32());
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        await using (var scope = host.Scope())
            Assert.All(await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.ToListAsync(), m => Assert.Equal(2, m.Attempts));
    }
}
