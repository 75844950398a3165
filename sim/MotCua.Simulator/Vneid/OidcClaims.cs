using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MotCua.Simulator.Lgsp;

namespace MotCua.Simulator.Vneid;

/// <summary>
/// The identity claims of a test citizen, named as VNeID and the DVCQG account name them
/// (docs/integrations/vneid.md#claims), and the id_token around them, bent by the fault flag.
/// </summary>
internal static class OidcClaims
{
    public static readonly string[] Supported = ["sub", "SoDinhDanh", "HoVaTen", "NgayThangNamSinh", "GioiTinh", "LoaiTaiKhoan", "TechID", "loAs", "IAL"];

    /// <summary>sub and TechID are stable per citizen and provider, and are not the ID number.</summary>
    public static Dictionary<string, object?> Identity(SimulatedCitizens.Citizen citizen, OidcProviderProfile profile)
    {
        var subject = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(profile.Prefix + ":" + citizen.Id)))[..32];
        return new()
        {
            ["sub"] = subject,
            ["SoDinhDanh"] = citizen.Id,
            ["HoVaTen"] = citizen.Name,
            ["NgayThangNamSinh"] = citizen.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            ["GioiTinh"] = citizen.Gender,
            ["LoaiTaiKhoan"] = "1",
            ["TechID"] = subject,
            ["loAs"] = new[] { "LoA2" },
            ["IAL"] = "2",
        };
    }

    /// <param name="fault">The <c>{prefix}:id-token</c> flag: wrong-nonce, expired, wrong-audience, wrong-issuer (forged is the signature's).</param>
    public static Dictionary<string, object?> IdToken(string issuer, string clientId, string? nonce, SimulatedCitizens.Citizen citizen, OidcProviderProfile profile, string? fault)
    {
        var now = DateTimeOffset.UtcNow;
        var issuedAt = fault == "expired" ? now.AddHours(-2) : now;
        var claims = Identity(citizen, profile);
        claims["iss"] = fault == "wrong-issuer" ? issuer + "-other" : issuer;
        claims["aud"] = fault == "wrong-audience" ? clientId + "-other" : clientId;
        claims["iat"] = issuedAt.ToUnixTimeSeconds();
        claims["auth_time"] = issuedAt.ToUnixTimeSeconds();
        claims["exp"] = issuedAt.AddMinutes(10).ToUnixTimeSeconds();
        claims["acr"] = "LoA2";
        if (nonce is not null)
            claims["nonce"] = fault == "wrong-nonce" ? nonce + "x" : nonce;
        return claims;
    }
}
