using MotCua.Web.Features.DemoData;
using OtpNet;

namespace MotCua.Browser;

/// <summary>
/// The demo officers' TOTP code (README: the published demo secret) for the real server's clock.
/// The server takes a code one step early or late (clock drift) and each step once only, in
/// increasing order, so every sign-in of the same officer takes the next unused step; when both
/// steps the server accepts now are used, it waits for the real clock to reach the next one (the
/// server under test runs on real time, so there is no clock to move instead).
/// </summary>
public static class OfficerCode
{
    private const int StepSeconds = 30;
    private static readonly Dictionary<string, long> LastStep = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> NextAsync(string user)
    {
        await Gate.WaitAsync();
        try
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;
            var step = Math.Max(now, LastStep.GetValueOrDefault(user, now - 1) + 1);
            if (step > now + 1)
                await Task.Delay(TimeSpan.FromSeconds((step - 1) * StepSeconds - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
            LastStep[user] = step;
            return new Totp(Base32Encoding.ToBytes(DemoSecondFactor.Secret)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
        }
        finally
        {
            Gate.Release();
        }
    }
}
