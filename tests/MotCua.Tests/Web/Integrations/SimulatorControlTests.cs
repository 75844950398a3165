using System.Net;
using MotCua.Simulator;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Integrations;

public sealed class SimulatorControlTests
{
    [Fact]
    public async Task Simulator_RecordsWhatItReceived_AndAnswersWithTheFaultItWasGiven()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var normal = await http.PostAsync("demo/ping", new StringContent("{\"a\":1}"));
        Assert.Equal(HttpStatusCode.NotFound, normal.StatusCode);

        using var set = await http.PostAsync("_sim/faults/demo/ServerError", null);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        using var failing = await http.PostAsync("demo/ping", new StringContent("{\"a\":2}"));
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);

        simulator.State.SetFault("demo", FaultMode.Down);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("demo/ping", new StringContent("{}")));

        var recorded = simulator.State.Requests("demo");
        Assert.Equal(["{\"a\":1}", "{\"a\":2}", "{}"], recorded.Select(r => r.Body));
        Assert.Empty(simulator.State.Requests("other"));
    }
}
