using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MotCua.Simulator.Vneid;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Integrations;

/// <summary>
/// The simulated VNeID keeps the rules a relying party relies on: PKCE S256 verified, a code
/// serves once, client authentication by post or basic, an RS256 id_token that verifies against
/// its JWKS with issuer, audience and nonce.
/// </summary>
public class OidcSimulatorTests
{
    private const string Redirect = "http://127.0.0.1:1/signin-vneid";

    [Fact]
    public async Task WrongVerifier_UsesUpTheCode_AndAFreshCodeGivesAVerifiableIdToken()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));

        var code = await CodeAsync(simulator, http, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, (await ExchangeAsync(simulator, http, code, "wrong-" + verifier, basic: false)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ExchangeAsync(simulator, http, code, verifier, basic: false)).StatusCode);

        var fresh = await CodeAsync(simulator, http, verifier);
        var answer = await ExchangeAsync(simulator, http, fresh, verifier, basic: true);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var idToken = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString();
        var jwks = new JsonWebKeySet(await http.GetStringAsync(simulator.Url("vneid/jwks")));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = simulator.Url("vneid"),
            ValidAudience = OidcProviderProfile.Vneid.ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("n-1", result.Claims["nonce"]);
        Assert.Equal("020301000103", result.Claims["SoDinhDanh"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await ExchangeAsync(simulator, http, fresh, verifier, basic: true)).StatusCode);
    }

    private static async Task<string> CodeAsync(SimulatorHost simulator, HttpClient http, string verifier)
    {
        var login = await http.PostAsync(simulator.Url("vneid/auth"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = OidcProviderProfile.Vneid.ClientId,
            ["redirect_uri"] = Redirect,
            ["state"] = "s-1",
            ["nonce"] = "n-1",
            ["scope"] = "openid",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
            ["identity"] = "020301000103",
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(login.Headers.Location!.Query);
        Assert.Equal("s-1", query["state"]);
        return query["code"]!;
    }

    private static async Task<HttpResponseMessage> ExchangeAsync(SimulatorHost simulator, HttpClient http, string code, string verifier, bool basic)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier };
        using var request = new HttpRequestMessage(HttpMethod.Post, simulator.Url("vneid/token"));
        if (basic)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OidcProviderProfile.Vneid.ClientId}:{OidcProviderProfile.Vneid.ClientSecret}")));
        else
        {
            form["client_id"] = OidcProviderProfile.Vneid.ClientId;
            form["client_secret"] = OidcProviderProfile.Vneid.ClientSecret;
        }
        request.Content = new FormUrlEncodedContent(form);
        return await http.SendAsync(request);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
