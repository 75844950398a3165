namespace MotCua.Tests.Infrastructure;

/// <summary>A clock the test sets; the platform reads time only through TimeProvider.</summary>
public sealed class FakeTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public void Advance(TimeSpan by) => Now += by;
}
