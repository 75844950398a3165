namespace MotCua.Web.Features.Integrations.Core;

/// <summary>Settings of the integration layer shared by every target (docs/integrations/integration-layer.md).</summary>
public sealed class IntegrationOptions
{
    public const string Section = "Integrations";
    /// <summary>Longest time one delivery (all the calls of one message) may take before it counts as failed.</summary>
    public int DeliveryTimeoutSeconds { get; set; } = 120;
    /// <summary>Consecutive failures of a target that open its circuit breaker.</summary>
    public int BreakerFailures { get; set; } = 5;
    /// <summary>How long an open breaker keeps the target's messages waiting before one trial delivery.</summary>
    public int BreakerOpenSeconds { get; set; } = 60;
}

/// <summary>The message being delivered, for the exchange log of the adapters it calls (flows with the async call).</summary>
public sealed record DeliveryInfo(long MessageId, string Target);

public static class DeliveryContext
{
    private static readonly AsyncLocal<DeliveryInfo?> CurrentDelivery = new();

    public static DeliveryInfo? Current
    {
        get => CurrentDelivery.Value;
        set => CurrentDelivery.Value = value;
    }
}

/// <summary>
/// Told when a delivery of a message of its type failed (and whether the dispatcher gave up), in the
/// dispatcher's transaction: an adapter keeps its own state (e.g. a dossier's sync state) beside the message.
/// </summary>
public interface IOutboxFailureObserver
{
    string Type { get; }
    Task OnFailureAsync(Infrastructure.Outbox.OutboxMessage message, bool givenUp, CancellationToken ct);
}
