using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Accounts.Security.Passkeys;

/// <summary>The options for the browser (navigator.credentials.create/get) and the id to send back with its answer.</summary>
public sealed record PasskeyRequest(string ChallengeId, JsonElement Options);

public enum PasskeyCheck { Valid, Invalid, ClonedAuthenticator }

/// <summary>
/// The two WebAuthn ceremonies, verified by Fido2 (passwordless-lib): registration with "none"
/// attestation (no authenticator model is required, so no metadata service) and assertion as a
/// second factor. Challenges live in <see cref="PasskeyChallenge"/> rows and serve once. The
/// callers save: each use case commits its change with its audit row.
/// </summary>
public sealed class PasskeyCeremonies(AppDbContext db, IOptions<PasskeyOptions> options, IHttpContextAccessor http, TimeProvider time)
{
    /// <summary>The user handle: the account id, 8 bytes big-endian (an internal number, no personal data; WebAuthn §14.6.1).</summary>
    public static byte[] UserHandle(long accountId)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, accountId);
        return bytes;
    }

    /// <summary>A short, stable tag of a credential for the audit trail (the SOC can follow one passkey without its id).</summary>
    public static string Fingerprint(Passkey passkey) => Convert.ToHexStringLower(SHA256.HashData(passkey.CredentialId))[..16];

    public async Task<PasskeyRequest> BeginRegistrationAsync(UserAccount account, CancellationToken ct)
    {
        var existing = await db.Passkeys.AsNoTracking().Where(p => p.UserAccountId == account.Id).Select(p => p.CredentialId).ToListAsync(ct);
        var request = Fido().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(account.Id), Name = account.UserName, DisplayName = account.FullName },
            // The same authenticator twice would be no second option at all.
            ExcludeCredentials = existing.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection { ResidentKey = ResidentKeyRequirement.Discouraged, UserVerification = UserVerificationRequirement.Preferred },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        return Store(account.Id, PasskeyCeremony.Register, request.ToJson());
    }

    /// <summary>The new passkey (not yet added), or null when the answer does not verify against the stored challenge.</summary>
    public async Task<Passkey?> FinishRegistrationAsync(long accountId, string? challengeId, JsonElement? credential, string name, CancellationToken ct)
    {
        if (await TakeAsync(accountId, challengeId, PasskeyCeremony.Register, ct) is not { } optionsJson || credential is not { } json)
            return null;
        try
        {
            var raw = json.Deserialize<AuthenticatorAttestationRawResponse>();
            if (raw is null)
                return null;
            var result = await Fido().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = raw,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = async (p, c) => !await db.Passkeys.AnyAsync(k => k.CredentialId == p.CredentialId, c),
            }, ct);
            return new Passkey
            {
                UserAccountId = accountId,
                Name = name,
                CredentialId = result.Id,
                PublicKey = result.PublicKey,
                SignCount = result.SignCount,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
        }
        catch (Exception ex) when (IsBadAnswer(ex))
        {
            return null;
        }
    }

    /// <summary>Assertion options for the account's passkeys, or null when it has none.</summary>
    public async Task<PasskeyRequest?> BeginSignInAsync(long accountId, CancellationToken ct)
    {
        var ids = await db.Passkeys.AsNoTracking().Where(p => p.UserAccountId == accountId).OrderBy(p => p.Id).Select(p => p.CredentialId).ToListAsync(ct);
        if (ids.Count == 0)
            return null;
        var request = Fido().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = ids.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            UserVerification = UserVerificationRequirement.Preferred,
        });
        return Store(accountId, PasskeyCeremony.SignIn, request.ToJson());
    }

    /// <summary>
    /// Verifies an assertion of one of the account's passkeys against its stored challenge: origin,
    /// challenge, RP ID hash, user presence, signature and counter. On success the passkey's counter
    /// and last use are updated (saved by the caller). The passkey is returned either way when known.
    /// </summary>
    public async Task<(PasskeyCheck Result, Passkey? Passkey)> VerifySignInAsync(long accountId, string? challengeId, string? responseJson, CancellationToken ct)
    {
        if (await TakeAsync(accountId, challengeId, PasskeyCeremony.SignIn, ct) is not { } optionsJson || string.IsNullOrEmpty(responseJson) || responseJson.Length > 20_000)
            return (PasskeyCheck.Invalid, null);
        Passkey? passkey = null;
        try
        {
            var raw = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(responseJson);
            if (raw?.RawId is not { Length: > 0 } rawId)
                return (PasskeyCheck.Invalid, null);
            passkey = await db.Passkeys.SingleOrDefaultAsync(p => p.CredentialId == rawId && p.UserAccountId == accountId, ct);
            if (passkey is null)
                return (PasskeyCheck.Invalid, null);
            var handle = UserHandle(accountId);
            var result = await Fido().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = raw,
                OriginalOptions = AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) => Task.FromResult(p.UserHandle.AsSpan().SequenceEqual(handle)),
            }, ct);
            passkey.SignCount = result.SignCount;
            passkey.LastUsedAt = time.GetUtcNow().UtcDateTime;
            return (PasskeyCheck.Valid, passkey);
        }
        catch (Fido2VerificationException ex) when (ex.Code == Fido2ErrorCode.InvalidSignCount)
        {
            // A counter that did not grow: two authenticators hold the same key (WebAuthn §6.1.1).
            return (PasskeyCheck.ClonedAuthenticator, passkey);
        }
        catch (Exception ex) when (IsBadAnswer(ex))
        {
            return (PasskeyCheck.Invalid, passkey);
        }
    }

    /// <summary>A malformed or forged browser answer is a refusal, never a 500.</summary>
    private static bool IsBadAnswer(Exception ex) =>
        ex is Fido2VerificationException or JsonException or FormatException or ArgumentException or InvalidOperationException
            or System.Formats.Cbor.CborContentException or CryptographicException or IndexOutOfRangeException or OverflowException;

    private PasskeyRequest Store(long accountId, PasskeyCeremony ceremony, string optionsJson)
    {
        var challenge = new PasskeyChallenge
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            UserAccountId = accountId,
            Ceremony = ceremony,
            OptionsJson = optionsJson,
            ExpiresAt = time.GetUtcNow().UtcDateTime.AddMinutes(options.Value.ChallengeMinutes),
        };
        db.PasskeyChallenges.Add(challenge);
        using var document = JsonDocument.Parse(optionsJson);
        return new PasskeyRequest(challenge.Id, document.RootElement.Clone());
    }

    /// <summary>The stored options of an open challenge of this account and ceremony; the row is removed (single use).</summary>
    private async Task<string?> TakeAsync(long accountId, string? challengeId, PasskeyCeremony ceremony, CancellationToken ct)
    {
        if (challengeId is not { Length: 64 })
            return null;
        var challenge = await db.PasskeyChallenges.SingleOrDefaultAsync(c => c.Id == challengeId && c.UserAccountId == accountId && c.Ceremony == ceremony, ct);
        if (challenge is null)
            return null;
        db.PasskeyChallenges.Remove(challenge);
        return challenge.ExpiresAt > time.GetUtcNow().UtcDateTime ? challenge.OptionsJson : null;
    }

    private Fido2 Fido()
    {
        var o = options.Value;
        var request = http.HttpContext?.Request;
        var origins = o.Origins.Count > 0 ? o.Origins
            : request is null ? [] : [$"{request.Scheme}://{request.Host.Value}"];
        return new Fido2(new Fido2Configuration
        {
            RPID = string.IsNullOrWhiteSpace(o.RelyingPartyId) ? request?.Host.Host ?? "localhost" : o.RelyingPartyId,
            RPName = "MotCua",
            Origins = origins.ToHashSet(StringComparer.Ordinal),
        });
    }
}
