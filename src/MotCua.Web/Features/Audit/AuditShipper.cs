using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Audit;

/// <summary>Configuration section "Soc:Syslog": where the SOC's collector listens; an empty Host turns shipping off.</summary>
public sealed class SyslogOptions
{
    public const string Section = "Soc:Syslog";
    public string? Host { get; set; }
    public int Port { get; set; } = 514;
    /// <summary>tcp (octet counting, RFC 6587) or udp (one datagram per message, RFC 5426).</summary>
    public string Protocol { get; set; } = "udp";
    /// <summary>HOSTNAME field; the machine name by default.</summary>
    public string? HostName { get; set; }
    public int BatchSize { get; set; } = 500;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Sends the sealed audit chain to the SOC in chain order from the "syslog" marker on, and moves
/// the marker only after a batch was written, so nothing is lost while the SOC is down: the next
/// pass catches up (at-least-once; the seq parameter lets the SOC drop a repeat). One node at a
/// time holds the marker's lease; requests never wait for the SOC.
/// </summary>
public sealed class AuditShipper(IServiceScopeFactory scopes, SyslogOptions options, TimeProvider time)
{
    public const string MarkerName = "syslog";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>One pass; returns how many events were sent.</summary>
    public async Task<int> ShipOnceAsync(CancellationToken ct)
    {
        if (!options.Enabled)
            return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await TakeLeaseAsync(db, ct))
            return 0;
        var sent = 0;
        var host = SyslogFormat.Header(options.HostName ?? Environment.MachineName, 255);
        while (true)
        {
            var from = await db.AuditMarkers.AsNoTracking().Where(m => m.Name == MarkerName).Select(m => m.Position).SingleAsync(ct);
            var rows = await db.AuditEntries.AsNoTracking().Where(a => a.ChainSeq > from).OrderBy(a => a.ChainSeq).Take(options.BatchSize).ToListAsync(ct);
            if (rows.Count == 0)
                return sent;
            await SendAsync(rows.Select(r => SyslogFormat.Format(r, host, Environment.ProcessId)).ToList(), ct);
            var upTo = rows[^1].ChainSeq!.Value;
            var until = time.GetUtcNow().UtcDateTime + Lease;
            await db.AuditMarkers.Where(m => m.Name == MarkerName && m.LeaseOwner == _node)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Position, upTo).SetProperty(m => m.LeaseUntil, until), ct);
            sent += rows.Count;
        }
    }

    private async Task<bool> TakeLeaseAsync(AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.AuditMarkers.AnyAsync(m => m.Name == MarkerName, ct))
        {
            db.AuditMarkers.Add(new AuditMarker { Name = MarkerName, Position = 0 });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another node created it
            }
        }
        var until = now + Lease;
        var taken = await db.AuditMarkers
            .Where(m => m.Name == MarkerName && (m.LeaseOwner == null || m.LeaseOwner == _node || m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, _node).SetProperty(m => m.LeaseUntil, until), ct);
        return taken == 1;
    }

    private async Task SendAsync(IReadOnlyList<string> messages, CancellationToken ct)
    {
        if (string.Equals(options.Protocol, "tcp", StringComparison.OrdinalIgnoreCase))
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(options.Host!, options.Port, ct);
            await using var stream = tcp.GetStream();
            foreach (var message in messages)
                await stream.WriteAsync(SyslogFormat.Frame(message), ct);
            await stream.FlushAsync(ct);
            return;
        }
        using var udp = new UdpClient();
        udp.Connect(options.Host!, options.Port);
        foreach (var message in messages)
            await udp.SendAsync(System.Text.Encoding.UTF8.GetBytes(message), ct);
    }
}

/// <summary>Configuration section "Audit": the background sealing and shipping (off in tests, which run the passes themselves).</summary>
public sealed class AuditPipelineOptions
{
    public const string Section = "Audit";
    public bool PipelineEnabled { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
}

/// <summary>Every few seconds: seal the new audit rows into the chain, then ship the chain to the SOC.</summary>
public sealed class AuditPipeline(IServiceScopeFactory scopes, AuditShipper shipper, AuditPipelineOptions options, TimeProvider time, ILogger<AuditPipeline> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.PipelineEnabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Audit sealing or shipping failed; will retry");
            }
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
            await AuditChain.SealAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        await shipper.ShipOnceAsync(ct);
    }
}
