using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace MotCua.Web.Features.Accounts.Security;

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) on the injected clock. Secrets are kept
/// protected by Data Protection; a code is accepted one step early or late for clock drift (RFC
/// 6238 §5.2) and a step is accepted once only (replay).
/// </summary>
public sealed class TotpAuthenticator(IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("MotCua.Accounts.Totp.v1");
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public string Protect(string base32Secret) => _protector.Protect(base32Secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>The matched time step, or null; steps at or before <paramref name="lastUsedStep"/> are replays.</summary>
    public long? Verify(string protectedSecret, string? code, long? lastUsedStep)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(Unprotect(protectedSecret)));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, Drift))
            return null;
        return lastUsedStep is { } last && step <= last ? null : step;
    }

    /// <summary>The otpauth:// address an authenticator app reads from the QR code.</summary>
    public static string OtpAuthUri(string base32Secret, string userName) =>
        $"otpauth://totp/MotCua:{Uri.EscapeDataString(userName)}?secret={base32Secret}&issuer=MotCua&digits=6&period=30";
}

/// <summary>Ten single-use recovery codes, shown once; only their SHA-256 is stored (80 random bits each).</summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    public static IReadOnlyList<string> Generate() =>
        Enumerable.Range(0, Count).Select(_ =>
        {
            var raw = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(10));
            return $"{raw[..4]}-{raw[4..8]}-{raw[8..12]}-{raw[12..16]}";
        }).ToList();

    /// <summary>Recovery codes are 16 base32 characters; dashes, spaces and case do not matter.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
            return null;
        var code = new string(typed.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return code.Length == 16 ? code : null;
    }

    public static string Hash(string normalised) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalised)));
}
