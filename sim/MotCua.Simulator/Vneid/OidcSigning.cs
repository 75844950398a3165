using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MotCua.Simulator.Vneid;

/// <summary>
/// The provider's RS256 signing key, generated at start, and compact JWS tokens signed with it
/// (RFC 7515/7519). A second key that no JWKS lists signs the forged tokens of the fault flag.
/// </summary>
internal sealed class OidcSigning : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);

    public string KeyId { get; } = Base64Url(RandomNumberGenerator.GetBytes(8));

    /// <summary>The JSON Web Key Set of the public key (RFC 7517).</summary>
    public object Jwks()
    {
        var p = _key.ExportParameters(includePrivateParameters: false);
        return new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url(p.Modulus!), e = Base64Url(p.Exponent!) } } };
    }

    /// <param name="forged">Signed by a key the provider does not publish (the relying party must refuse it).</param>
    public string Sign(IReadOnlyDictionary<string, object?> claims, bool forged = false)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var input = Encoding.ASCII.GetBytes(header + "." + payload);
        var signature = (forged ? _stranger : _key).SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        _key.Dispose();
        _stranger.Dispose();
    }
}
