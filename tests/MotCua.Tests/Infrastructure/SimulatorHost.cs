using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulator;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The simulator of the external systems, started on a free loopback port and reached over real HTTP.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri BaseAddress { get; }
    public SimulatorState State => _app.Services.GetRequiredService<SimulatorState>();
    public IServiceProvider Services => _app.Services;

    private SimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public static async Task<SimulatorHost> StartAsync()
    {
        var app = SimulatorApp.Build([], "http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The address of a path on the simulator, e.g. <c>Url("dvcqg/api/auth")</c>.</summary>
    public string Url(string relative) => new Uri(BaseAddress, relative.TrimStart('/')).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
