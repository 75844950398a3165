using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MotCua.Simulator.Lgsp;

namespace MotCua.Simulator.Vneid;

/// <summary>
/// An OpenID Connect provider (authorisation-code flow, OpenID Connect Core 1.0 §3.1): discovery,
/// JWKS, authorize with a login page, token (client_secret_post or client_secret_basic, PKCE S256
/// required, codes single-use for 60 s), RS256 id_token, userinfo (GET or POST with the bearer
/// token). Played twice: VNeID at <c>/vneid</c> and the DVCQG account at <c>/dvcqg-sso</c>
/// (docs/integrations/vneid.md).
/// </summary>
internal static class OidcProviderSystem
{
    private sealed record Grant(SimulatedCitizens.Citizen Citizen, string ClientId, string RedirectUri, string? Nonce, string Challenge, DateTimeOffset Expires);

    public static void MapVneid(this WebApplication app)
    {
        MapProvider(app, OidcProviderProfile.Vneid);
        MapProvider(app, OidcProviderProfile.DvcqgSso);
    }

    private static void MapProvider(WebApplication app, OidcProviderProfile profile)
    {
        var signing = new OidcSigning();
        var codes = new ConcurrentDictionary<string, Grant>(StringComparer.Ordinal);
        var accessTokens = new ConcurrentDictionary<string, SimulatedCitizens.Citizen>(StringComparer.Ordinal);
        app.Services.GetRequiredService<SimulatorState>().OnReset(() =>
        {
            codes.Clear();
            accessTokens.Clear();
        });
        string Issuer(HttpRequest r) => $"{r.Scheme}://{r.Host}/{profile.Prefix}";
        var prefix = "/" + profile.Prefix + "/";

        app.MapGet(prefix + ".well-known/openid-configuration", (HttpRequest r) =>
        {
            var issuer = Issuer(r);
            return Results.Json(Discovery(issuer, profile));
        });
        app.MapGet(prefix + profile.JwksPath, () => Results.Json(signing.Jwks()));

        app.MapGet(prefix + profile.AuthorizePath, (HttpRequest r) =>
        {
            var request = OidcLoginPage.RequestFields.ToDictionary(f => f, f => r.Query[f].ToString());
            if (r.Query["response_type"] != "code" || !r.Query["scope"].ToString().Split(' ').Contains("openid"))
                return Results.BadRequest("response_type=code and scope openid are required.");
            return ValidClient(profile, request) is { } refusal ? refusal
                : Results.Content(OidcLoginPage.Render(profile, request, null), "text/html; charset=utf-8");
        });
        app.MapPost(prefix + profile.AuthorizePath, async (HttpRequest r) =>
        {
            var form = await r.ReadFormAsync(r.HttpContext.RequestAborted);
            var request = OidcLoginPage.RequestFields.ToDictionary(f => f, f => form[f].ToString());
            if (ValidClient(profile, request) is { } refusal)
                return refusal;
            if (form["action"] == "cancel")
                return Results.Redirect(Callback(request, ("error", "access_denied")));
            var citizen = form["identity"].ToString() is { Length: > 0 } chosen
                ? SimulatedCitizens.All.FirstOrDefault(c => c.Id == chosen)
                : form["password"] == OidcProviderProfile.TestPassword ? SimulatedCitizens.All.FirstOrDefault(c => c.Id == form["username"]) : null;
            if (citizen is null)
                return Results.Content(OidcLoginPage.Render(profile, request, "Số định danh cá nhân hoặc mật khẩu không đúng."), "text/html; charset=utf-8", statusCode: 401);
            if (request["code_challenge_method"] != "S256" || request["code_challenge"].Length < 43)
                return Results.Redirect(Callback(request, ("error", "invalid_request"), ("error_description", "PKCE S256 is required")));
            var code = OidcSigning.Base64Url(RandomNumberGenerator.GetBytes(32));
            codes[code] = new Grant(citizen, request["client_id"], request["redirect_uri"],
                request["nonce"] is { Length: > 0 } n ? n : null, request["code_challenge"], DateTimeOffset.UtcNow.AddSeconds(60));
            return Results.Redirect(Callback(request, ("code", code)));
        });

        app.MapPost(prefix + profile.TokenPath, async (HttpRequest r, SimulatorState state) =>
        {
            if (!r.HasFormContentType)
                return OAuthError("invalid_request", 400);
            var form = await r.ReadFormAsync(r.HttpContext.RequestAborted);
            var (clientId, secret) = ClientCredentials(r, form);
            if (clientId != profile.ClientId || secret != profile.ClientSecret)
                return OAuthError("invalid_client", 401);
            if (form["grant_type"] != "authorization_code")
                return OAuthError("unsupported_grant_type", 400);
            // Single use: the code is gone whether this exchange succeeds or not (RFC 6749 §4.1.2).
            if (!codes.TryRemove(form["code"].ToString(), out var grant) || grant.Expires < DateTimeOffset.UtcNow
                || grant.ClientId != clientId || grant.RedirectUri != form["redirect_uri"])
                return OAuthError("invalid_grant", 400);
            var verifier = form["code_verifier"].ToString();
            if (OidcSigning.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
                return OAuthError("invalid_grant", 400);
            var accessToken = OidcSigning.Base64Url(RandomNumberGenerator.GetBytes(32));
            accessTokens[accessToken] = grant.Citizen;
            var idToken = OidcClaims.IdToken(Issuer(r), clientId!, grant.Nonce, grant.Citizen, profile, state.Flag(profile.IdTokenFlag));
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = accessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["scope"] = "openid",
                ["id_token"] = signing.Sign(idToken, forged: state.Flag(profile.IdTokenFlag) == "forged"),
            });
        });
        app.MapMethods(prefix + profile.UserInfoPath, ["GET", "POST"], (HttpRequest r) =>
        {
            var header = r.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !accessTokens.TryGetValue(header[7..], out var citizen))
                return OAuthError("invalid_token", 401);
            return Results.Json(OidcClaims.Identity(citizen, profile));
        });
    }

    private static readonly string[] Code = ["code"], Query = ["query"], AuthorizationCode = ["authorization_code"], Public = ["public"],
        Rs256 = ["RS256"], ClientAuth = ["client_secret_post", "client_secret_basic"], S256 = ["S256"], OpenId = ["openid"], Acr = ["LoA1", "LoA2"];

    private static Dictionary<string, object> Discovery(string issuer, OidcProviderProfile profile) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = $"{issuer}/{profile.AuthorizePath}",
        ["token_endpoint"] = $"{issuer}/{profile.TokenPath}",
        ["userinfo_endpoint"] = $"{issuer}/{profile.UserInfoPath}",
        ["jwks_uri"] = $"{issuer}/{profile.JwksPath}",
        ["response_types_supported"] = Code,
        ["response_modes_supported"] = Query,
        ["grant_types_supported"] = AuthorizationCode,
        ["subject_types_supported"] = Public,
        ["id_token_signing_alg_values_supported"] = Rs256,
        ["token_endpoint_auth_methods_supported"] = ClientAuth,
        ["code_challenge_methods_supported"] = S256,
        ["scopes_supported"] = OpenId,
        ["acr_values_supported"] = Acr,
        ["claims_supported"] = OidcClaims.Supported,
    };

    /// <summary>An unknown client or a redirect address that is not absolute http(s) gets an error page, never a redirect.</summary>
    private static IResult? ValidClient(OidcProviderProfile profile, Dictionary<string, string> request) =>
        request["client_id"] != profile.ClientId ? Results.BadRequest("Unknown client_id.")
        : !Uri.TryCreate(request["redirect_uri"], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Fragment.Length > 0
            ? Results.BadRequest("Invalid redirect_uri.")
            : null;

    private static string Callback(Dictionary<string, string> request, params (string Name, string Value)[] parameters)
    {
        var all = parameters.ToList();
        if (request["state"] is { Length: > 0 } state)
            all.Add(("state", state));
        var query = string.Join('&', all.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
        var address = request["redirect_uri"];
        return address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest r, IFormCollection form)
    {
        var header = r.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
                return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (form["client_id"], form["client_secret"]);
    }

    private static IResult OAuthError(string error, int status) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error }, statusCode: status);
}
