using System.Net;
using System.Net.Sockets;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The real ClamAV daemon the scanning tests use: MOTCUA_TEST_CLAMD = "host:port" (and
/// MOTCUA_TEST_CLAMD_SOCKET, its Unix socket), as printed by `eval "$(bash .ci/clamd.sh)"`. Without
/// it the tests are reported as skipped locally, and fail under CI=true so CI cannot skip them.
/// </summary>
public static class Clamd
{
    public const string Variable = "MOTCUA_TEST_CLAMD";
    public const string SocketVariable = "MOTCUA_TEST_CLAMD_SOCKET";

    /// <summary>The EICAR anti-virus test string (eicar.org), harmless, detected by every scanner.</summary>
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static (string Host, int Port) Endpoint
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(value) || value.LastIndexOf(':') is var colon && colon < 0)
                throw new InvalidOperationException($"{Variable} is not set: run `eval \"$(bash .ci/clamd.sh)\"` first.");
            return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static string? Socket => Environment.GetEnvironmentVariable(SocketVariable) is { Length: > 0 } s ? s : null;

    public static bool Available => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };

    /// <summary>A loopback port nothing listens on: clamd "down".</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>A theory that needs the real clamd; skipped (visibly) only outside CI.</summary>
public sealed class ClamdTheoryAttribute : TheoryAttribute
{
    public ClamdTheoryAttribute()
    {
        if (!Clamd.Available && !Clamd.InCi)
            Skip = $"{Clamd.Variable} is not set (eval \"$(bash .ci/clamd.sh)\"); under CI=true this test fails instead.";
    }
}

/// <summary>One demo-data host per database kind whose uploads are scanned by the real clamd.</summary>
public sealed class ClamdHosts : IAsyncLifetime
{
    private readonly Dictionary<DatabaseKind, Task<WebHost>> _hosts = [];
    private readonly Lock _gate = new();

    public Task<WebHost> Get(DatabaseKind kind)
    {
        lock (_gate)
        {
            if (!_hosts.TryGetValue(kind, out var host))
            {
                var (address, port) = Clamd.Endpoint;
                _hosts[kind] = host = WebHost.StartAsync(kind, demoData: true, new Dictionary<string, string>
                {
                    ["Files:Clamd:Host"] = address,
                    ["Files:Clamd:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Files:Clamd:Required"] = "true",
                    ["Files:Clamd:TimeoutSeconds"] = "30",
                });
            }
            return host;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values)
            await (await host).DisposeAsync();
    }
}
