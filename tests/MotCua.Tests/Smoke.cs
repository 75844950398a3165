namespace MotCua.Tests;

public class SmokeTests
{
    [Fact]
    public void Arithmetic_Works() => Assert.Equal(2, 1 + 1);
}
