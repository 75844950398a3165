namespace MotCua.Web.Features.Integrations.Core;

/// <summary>
/// One circuit breaker per target, per node: after <see cref="IntegrationOptions.BreakerFailures"/>
/// consecutive failures the target's messages wait <see cref="IntegrationOptions.BreakerOpenSeconds"/>
/// without being tried (a system that is down is not hammered, and its backlog does not use up
/// attempts); then one delivery is let through (half-open): success closes the breaker, failure
/// opens it again. Kept in memory: each node learns on its own, which costs at most a few calls.
/// </summary>
public sealed class CircuitBreakers(IntegrationOptions options)
{
    private sealed class Breaker
    {
        public int Failures;
        public DateTime? OpenUntil;
    }

    private readonly Dictionary<string, Breaker> _breakers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The targets whose breaker is open now (no delivery may start).</summary>
    public IReadOnlyList<string> OpenTargets(DateTime nowUtc)
    {
        lock (_gate)
            return _breakers.Where(b => b.Value.OpenUntil is { } until && until > nowUtc).Select(b => b.Key).ToList();
    }

    /// <summary>Whether a delivery to the target may start now; after the open period one trial is allowed.</summary>
    public bool TryEnter(string target, DateTime nowUtc)
    {
        lock (_gate)
        {
            if (!_breakers.TryGetValue(target, out var b) || b.OpenUntil is null)
                return true;
            if (b.OpenUntil > nowUtc)
                return false;
            // Half-open: this one trial re-arms the period, so the next trial waits for it to end.
            b.OpenUntil = nowUtc.AddSeconds(options.BreakerOpenSeconds);
            return true;
        }
    }

    public void Success(string target)
    {
        lock (_gate)
            _breakers.Remove(target);
    }

    public void Failure(string target, DateTime nowUtc)
    {
        lock (_gate)
        {
            if (!_breakers.TryGetValue(target, out var b))
                _breakers[target] = b = new Breaker();
            b.Failures++;
            if (b.OpenUntil is not null || b.Failures >= options.BreakerFailures)
                b.OpenUntil = nowUtc.AddSeconds(options.BreakerOpenSeconds);
        }
    }

    /// <summary>An administrator resumed or resent: forget what the breaker learnt.</summary>
    public void Reset(string target) => Success(target);

    public bool IsOpen(string target, DateTime nowUtc)
    {
        lock (_gate)
            return _breakers.TryGetValue(target, out var b) && b.OpenUntil is { } until && until > nowUtc;
    }
}
