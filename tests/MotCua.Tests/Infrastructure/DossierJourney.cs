using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The arrange steps that many dossier tests share, on the demo organisation: a new citizen submits
/// procedure 2.001610 online, the provincial centre accepts and forwards it to the Department of
/// Finance, whose leader assigns it to the demo handler. Each step returns the journey so a test
/// stops where its own story starts.
/// </summary>
public sealed class DossierJourney
{
    private DossierJourney(WebHost host, HttpClient citizen, long id)
    {
        Host = host;
        Citizen = citizen;
        Id = id;
    }

    public WebHost Host { get; }
    public HttpClient Citizen { get; }
    public long Id { get; }

    /// <summary>A new citizen's dossier, submitted online (status 1).</summary>
    public static async Task<DossierJourney> SubmittedAsync(WebHost host)
    {
        var (citizen, _, _) = await NewCitizenAsync(host);
        return new DossierJourney(host, citizen, await SubmitNewAsync(host, citizen));
    }

    /// <summary>Submitted, accepted and forwarded by reception.demo (with the code and due moment of acceptance).</summary>
    public static async Task<DossierJourney> ForwardedAsync(WebHost host)
    {
        var journey = await SubmittedAsync(host);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, journey.Id, "accept");
        await OkAsync(reception, journey.Id, "forward");
        return journey;
    }

    /// <summary>Forwarded, then assigned by leader.demo to handler.demo (status 2, with the handler).</summary>
    public static async Task<DossierJourney> AssignedAsync(WebHost host)
    {
        var journey = await ForwardedAsync(host);
        var handlerId = await DossierLifecycleTests.UserIdAsync(host, "handler.demo");
        await OkAsync(await host.ClientAs("leader.demo"), journey.Id, "assign", new { userId = handlerId });
        return journey;
    }
}
