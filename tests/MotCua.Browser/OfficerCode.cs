using MotCua.Web.Features.DemoData;
using OtpNet;

namespace MotCua.Browser;

/// <summary>
/// The demo officers' TOTP code (README: the published demo secret) for the real server's clock.
/// A code is accepted once, and the server also takes the next step's code (clock drift), so a
/// second sign-in of the same officer within 30 seconds uses the next step instead of waiting.
/// </summary>
public static class OfficerCode
{
    private static readonly Dictionary<string, int> SignIns = [];
    private static readonly Lock Gate = new();

    public static string Next(string user)
    {
        int ahead;
        lock (Gate)
        {
            ahead = SignIns.GetValueOrDefault(user);
            SignIns[user] = ahead + 1;
        }
        var at = DateTime.UtcNow.AddSeconds(30 * Math.Min(ahead, 1));
        return new Totp(Base32Encoding.ToBytes(DemoSecondFactor.Secret)).ComputeTotp(at);
    }
}
