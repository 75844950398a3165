using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulator;
using MotCua.Simulator.Dvcqg;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Dvcqg;
using MotCua.Web.Infrastructure.Outbox;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Integrations;

/// <summary>
/// The DVCQG simulator on a free port and, per database kind, one demo host configured to sync to it.
/// Tests of a class run one after another; each resets the simulator's faults and the host's breaker.
/// </summary>
public class DvcqgFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseKind, Task<WebHost>> _hosts = [];
    private readonly Lock _gate = new();

    private readonly Dictionary<DatabaseKind, SimulatorHost> _simulators = [];

    /// <summary>One simulator per database kind: the two hosts issue the same dossier codes.</summary>
    public SimulatorHost Sim(DatabaseKind kind) => _simulators[kind];

    public async Task InitializeAsync()
    {
        foreach (var kind in Enum.GetValues<DatabaseKind>())
            _simulators[kind] = await SimulatorHost.StartAsync();
    }

    public virtual Dictionary<string, string> Settings(DatabaseKind kind) => new()
    {
        ["Integrations:Dvcqg:AuthUrl"] = Sim(kind).Url("dvcqg/auth"),
        ["Integrations:Dvcqg:ServiceUrl"] = Sim(kind).Url("dvcqg/service"),
        ["Integrations:Dvcqg:UserName"] = "motcua-test",
        ["Integrations:Dvcqg:Password"] = "test-password",
        ["Integrations:Dvcqg:UnitCode"] = "000.00.00.H39",
        ["Integrations:Dvcqg:TimeoutSeconds"] = "2",
        ["Outbox:MaxAttempts"] = "3",
    };

    public async Task<WebHost> Get(DatabaseKind kind)
    {
        Task<WebHost> host;
        lock (_gate)
        {
            if (!_hosts.TryGetValue(kind, out host!))
                _hosts[kind] = host = StartAsync(kind);
        }
        var started = await host;
        Sim(kind).State.SetFault("dvcqg", FaultMode.None);
        Sim(kind).State.SetFault("lgsp", FaultMode.None);
        Sim(kind).State.SetFlag(DvcqgRoutes.ExpireSessionFlag, null);
        started.Services.GetRequiredService<CircuitBreakers>().Reset(DvcqgOptions.Target);
        return started;
    }

    /// <summary>A demo host whose seeded dossiers count as already at DVCQG: the tests watch only the dossiers they make.</summary>
    private async Task<WebHost> StartAsync(DatabaseKind kind)
    {
        var host = await WebHost.StartAsync(kind, demoData: true, Settings(kind));
        await using var scope = host.Scope();
        var now = host.Time.Now.UtcDateTime;
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.Where(m => m.Target == DvcqgOptions.Target)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now));
        return host;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values)
            await (await host).DisposeAsync();
        foreach (var simulator in _simulators.Values)
            await simulator.DisposeAsync();
    }

    public DvcqgRecord? Record(DatabaseKind kind, string code) => Sim(kind).Services.GetRequiredService<DvcqgState>().Dossiers.GetValueOrDefault(code);

    /// <summary>The DongBoHoSoMC / CapNhatTienDoHoSoMC bodies the simulator received for a dossier code, in order.</summary>
    public IReadOnlyList<JsonObject> Received(DatabaseKind kind, string service, string code) =>
        Sim(kind).State.Requests("dvcqg").Select(r => TryParse(r.Body)).OfType<JsonObject>()
            .Where(b => b["service"]?.GetValue<string>() == service && b["data"] is JsonArray data
                        && data.OfType<JsonObject>().Any(d => d["MaHoSo"]?.GetValue<string>() == code))
            .ToList();

    private static JsonObject? TryParse(string body)
    {
        try { return JsonNode.Parse(body) as JsonObject; }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// Dispatches until every message of the dossier is delivered or one was given up (the rest wait behind it),
    /// time moving past every backoff; at most <paramref name="rounds"/> passes.
    /// </summary>
    public static async Task DrainAsync(WebHost host, long dossierId, int rounds = 40)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var key = DossierSyncTracking.OrderingKey(dossierId);
        for (var i = 0; i < rounds; i++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var open = await db.OutboxMessages.Where(m => m.OrderingKey == key && m.ProcessedAt == null).Select(m => m.Failed).ToListAsync();
            if (open.Count == 0 || open.Contains(true))
                return;
            host.Time.Advance(TimeSpan.FromMinutes(61));
        }
    }

    public static async Task<DossierSyncState?> StateAsync(WebHost host, long dossierId)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DossierSyncStates.AsNoTracking()
            .SingleOrDefaultAsync(s => s.DossierId == dossierId && s.Target == DvcqgOptions.Target);
    }

    public static async Task<string> CodeAsync(WebHost host, long dossierId)
    {
        await using var scope = host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossierId)).Code!;
    }

    /// <summary>A dossier received at the counter of the provincial centre by reception.demo (status 2, code issued).</summary>
    public static async Task<long> ReceiveAtCounterAsync(WebHost host, string idNumber = "020188000777")
    {
        var reception = await host.ClientAs("reception.demo");
        var detail = await reception.GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{Procedure}");
        var @case = detail.GetProperty("definition").GetProperty("cases")[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers/counter")
        {
            Content = JsonContent.Create(new
            {
                procedureCode = Procedure,
                caseCode = @case.GetProperty("code").GetString(),
                channel = "InPerson",
                formData = FormDataFor(@case),
                applicant = new { type = "Citizen", name = "Lộc Văn Quầy", idNumber, birthDate = "1988-07-07", phone = "0915000777", provinceCode = "20", communeCode = "05983" },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await reception.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }
}
