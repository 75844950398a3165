using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// A WebAuthn authenticator in software: an EC P-256 key that answers registration options with a
/// "none" attestation and assertion options with a real ES256 signature over authenticatorData
/// (rpIdHash, flags, counter) and the hash of clientDataJSON, as a browser and security key would
/// (WebAuthn Level 2 §6.1, §6.5). The origin, the counter and the challenge signed can be forged.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01, UserVerified = 0x04, AttestedData = 0x40;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private byte[] _userHandle = [];

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);
    public string Origin { get; set; } = "http://localhost";
    public string RpId { get; set; } = "localhost";
    public uint Counter { get; set; }

    /// <summary>The PublicKeyCredential JSON answering navigator.credentials.create(options).</summary>
    public object Register(JsonElement options)
    {
        _userHandle = Base64Url(options.GetProperty("user").GetProperty("id").GetString()!);
        var clientData = ClientData("webauthn.create", options.GetProperty("challenge").GetString()!);
        var p = _key.ExportParameters(false);
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1); cose.WriteInt32(2);      // kty: EC2
        cose.WriteInt32(3); cose.WriteInt32(-7);     // alg: ES256
        cose.WriteInt32(-1); cose.WriteInt32(1);     // crv: P-256
        cose.WriteInt32(-2); cose.WriteByteString(p.Q.X!);
        cose.WriteInt32(-3); cose.WriteByteString(p.Q.Y!);
        cose.WriteEndMap();
        var attested = new byte[16 + 2 + CredentialId.Length]; // AAGUID zero ("none"), length, id
        BinaryPrimitives.WriteUInt16BigEndian(attested.AsSpan(16), (ushort)CredentialId.Length);
        CredentialId.CopyTo(attested, 18);
        var authData = AuthenticatorData((byte)(UserPresent | UserVerified | AttestedData), [.. attested, .. cose.Encode()]);
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt"); attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt"); attestation.WriteStartMap(0); attestation.WriteEndMap();
        attestation.WriteTextString("authData"); attestation.WriteByteString(authData);
        attestation.WriteEndMap();
        return new
        {
            id = Base64Url(CredentialId),
            rawId = Base64Url(CredentialId),
            type = "public-key",
            response = new { attestationObject = Base64Url(attestation.Encode()), clientDataJSON = Base64Url(clientData), transports = new[] { "usb" } },
            clientExtensionResults = new { },
        };
    }

    /// <summary>The PublicKeyCredential JSON answering navigator.credentials.get(options); the counter moves on first.</summary>
    public string Assert(JsonElement options, string? signedChallenge = null)
    {
        Counter++;
        var clientData = ClientData("webauthn.get", signedChallenge ?? options.GetProperty("challenge").GetString()!);
        var authData = AuthenticatorData(UserPresent | UserVerified, []);
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = Base64Url(CredentialId),
            rawId = Base64Url(CredentialId),
            type = "public-key",
            response = new
            {
                authenticatorData = Base64Url(authData),
                clientDataJSON = Base64Url(clientData),
                signature = Base64Url(signature),
                userHandle = Base64Url(_userHandle),
            },
            clientExtensionResults = new { },
        });
    }

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin = Origin, crossOrigin = false }));

    private byte[] AuthenticatorData(byte flags, byte[] rest)
    {
        var head = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(RpId)).CopyTo(head, 0);
        head[32] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(33), Counter);
        return [.. head, .. rest];
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Base64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }

    public void Dispose() => _key.Dispose();
}
