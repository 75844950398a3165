using MotCua.Web.Features.Integrations.Core;

namespace MotCua.Tests.Web.Integrations;

public sealed class CircuitBreakerTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ConsecutiveFailures_OpenTheBreaker_ThenOneTrialAfterThePeriod()
    {
        var breakers = new CircuitBreakers(new IntegrationOptions { BreakerFailures = 3, BreakerOpenSeconds = 60 });
        breakers.Failure("dvcqg", Now);
        breakers.Failure("dvcqg", Now);
        Assert.True(breakers.TryEnter("dvcqg", Now));
        breakers.Failure("dvcqg", Now);
        Assert.False(breakers.TryEnter("dvcqg", Now.AddSeconds(59)));
        Assert.Equal(["dvcqg"], breakers.OpenTargets(Now.AddSeconds(59)));
        Assert.True(breakers.TryEnter("email", Now)); // per target

        Assert.True(breakers.TryEnter("dvcqg", Now.AddSeconds(61)));  // half-open: one trial
        Assert.False(breakers.TryEnter("dvcqg", Now.AddSeconds(62))); // and only one
        breakers.Success("dvcqg");
        Assert.True(breakers.TryEnter("dvcqg", Now.AddSeconds(62)));
        Assert.Empty(breakers.OpenTargets(Now.AddSeconds(62)));
    }

    [Fact]
    public void FailedTrial_OpensTheBreakerAgain()
    {
        var breakers = new CircuitBreakers(new IntegrationOptions { BreakerFailures = 1, BreakerOpenSeconds = 60 });
        breakers.Failure("dvcqg", Now);
        Assert.True(breakers.TryEnter("dvcqg", Now.AddSeconds(61)));
        breakers.Failure("dvcqg", Now.AddSeconds(61));
        Assert.False(breakers.TryEnter("dvcqg", Now.AddSeconds(100)));
        Assert.True(breakers.TryEnter("dvcqg", Now.AddSeconds(122)));
    }
}
