using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Integrations;

/// <summary>
/// The simulator of the external systems, and one demo-data host per database kind configured to reach
/// it: DVCQG's inbound token, the simulator as the only allowed file host, the simulator's LGSP; uploads
/// scanned by the real clamd when it is available. Files are limited to 64 KB so size limits are cheap to test.
/// </summary>
public sealed class NationHosts : IAsyncLifetime
{
    public const string InboundToken = "dvcqg-inbound-test-token-7c1f";
    public const long MaxFileBytes = 64 * 1024;

    private readonly Dictionary<DatabaseKind, Task<WebHost>> _hosts = [];
    private readonly Lock _gate = new();
    private SimulatorHost? _simulator;

    public SimulatorHost Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

    public Task<WebHost> Get(DatabaseKind kind)
    {
        lock (_gate)
        {
            if (!_hosts.TryGetValue(kind, out var host))
                _hosts[kind] = host = WebHost.StartAsync(kind, demoData: true, Settings());
            return host;
        }
    }

    public Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Integrations:Dvcqg:InboundToken"] = InboundToken,
            ["Integrations:Dvcqg:FileHosts:0"] = Simulator.BaseAddress.Authority,
            ["Integrations:Dvcqg:FileTimeoutSeconds"] = "10",
            ["Integrations:Lgsp:TokenUrl"] = Simulator.Url("lgsp/token"),
            ["Integrations:Lgsp:BaseUrl"] = Simulator.Url("lgsp/"),
            ["Integrations:Lgsp:ClientId"] = MotCua.Simulator.Lgsp.LgspSystem.ClientId,
            ["Integrations:Lgsp:ClientSecret"] = MotCua.Simulator.Lgsp.LgspSystem.ClientSecret,
            ["Integrations:Lgsp:TimeoutSeconds"] = "10",
            ["Files:MaxFileBytes"] = MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        };
        if (Clamd.Available)
        {
            var (address, port) = Clamd.Endpoint;
            settings["Files:Clamd:Host"] = address;
            settings["Files:Clamd:Port"] = port.ToString(CultureInfo.InvariantCulture);
            settings["Files:Clamd:TimeoutSeconds"] = "30";
        }
        return settings;
    }

    /// <summary>Puts a file on the simulator's DVCQG file host and returns its download address.</summary>
    public async Task<string> PutFileAsync(byte[] content)
    {
        var name = Guid.NewGuid().ToString("N") + ".bin";
        using var http = new HttpClient();
        using var body = new ByteArrayContent(content);
        (await http.PutAsync(Simulator.Url("_sim/dvcqg-files/" + name), body)).EnsureSuccessStatusCode();
        return Simulator.Url("dvcqg-files/" + name);
    }

    /// <summary>Posts a dossier object exactly as given (PascalCase, as DVCQG writes it) with a bearer token.</summary>
    public static async Task<HttpResponseMessage> PushAsync(HttpClient client, object dossier, string? token = InboundToken) =>
        await PushRawAsync(client, JsonSerializer.Serialize(dossier), token);

    public static async Task<HttpResponseMessage> PushRawAsync(HttpClient client, string json, string? token = InboundToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/integrations/dvcqg/dossiers")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    public async Task InitializeAsync() => _simulator = await SimulatorHost.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values)
            await (await host).DisposeAsync();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
    }
}
