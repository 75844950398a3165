using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace MotCua.Simulator.Lgsp;

/// <summary>
/// The provincial LGSP (docs/integrations/lgsp-population.md): an OAuth2 client-credentials token endpoint
/// (<c>POST /lgsp/token</c>, form <c>grant_type=client_credentials&amp;client_id&amp;client_secret</c>) and, behind the
/// bearer token, the National Population Database lookup (<c>POST /lgsp/dancu/TraCuuThongTinCongDan</c>) over a
/// fixed set of simulated citizens (<see cref="SimulatedCitizens"/>), and the LGSP's proxy to DVCQG (<see cref="LgspDvcqgProxy"/>).
/// Control: <c>POST /_sim/lgsp/expire-tokens</c> makes every token issued so far expired (the next call with
/// one gets 401); flag <c>lgsp:token-seconds</c> sets the <c>expires_in</c> of new tokens (default 3600).
/// </summary>
internal static class LgspSystem
{
    public const string ClientId = "motcua-demo";
    public const string ClientSecret = "lgsp-demo-secret";
    public const string TokenSecondsFlag = "lgsp:token-seconds";

    private sealed class Tokens
    {
        public ConcurrentDictionary<string, DateTimeOffset> Issued { get; } = new(StringComparer.Ordinal);
    }

    public static void MapLgsp(this WebApplication app)
    {
        var tokens = new Tokens();
        app.MapPost("/_sim/lgsp/expire-tokens", () =>
        {
            foreach (var token in tokens.Issued.Keys)
                tokens.Issued[token] = DateTimeOffset.MinValue;
            return Results.NoContent();
        });
        app.MapPost("/lgsp/token", async (HttpRequest request, SimulatorState state) =>
        {
            if (!request.HasFormContentType)
                return OAuthError("invalid_request", 400);
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (form["grant_type"] != "client_credentials")
                return OAuthError("unsupported_grant_type", 400);
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
                return OAuthError("invalid_client", 401);
            var seconds = int.TryParse(state.Flag(TokenSecondsFlag), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 3600;
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            tokens.Issued[token] = DateTimeOffset.UtcNow.AddSeconds(seconds);
            return Results.Json(new Dictionary<string, object> { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = seconds, ["scope"] = "default" });
        });
        bool Valid(string token) => tokens.Issued.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;
        app.MapLgspDvcqgProxy(Valid, status => OAuthError("invalid_token", status));
        app.MapPost("/lgsp/dancu/TraCuuThongTinCongDan", async (HttpRequest request) =>
        {
            var header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !Valid(header[7..]))
                return OAuthError("invalid_token", 401);
            JsonElement body;
            try
            {
                body = (await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted)).RootElement;
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            return Results.Json(SimulatedCitizens.Answer(body));
        });
    }

    private static IResult OAuthError(string error, int status) => Results.Json(new Dictionary<string, string> { ["error"] = error }, statusCode: status);
}
