using System.Net;
using System.Text.RegularExpressions;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Accounts;

/// <summary>
/// A citizen's browser going through an e-ID sign-in, redirect by redirect: MotCua (in-memory test
/// server, its cookies kept) → the simulated provider over real HTTP (login page, choice of a test
/// identity) → MotCua's callback. <see cref="Callback"/> may be bent before it is followed.
/// </summary>
public sealed partial class EidRoundTrip(WebHost host, SimulatorHost simulator, string scheme = "vneid")
{
    public HttpClient Portal { get; } = host.Client(followRedirects: false);

    /// <summary>The provider's redirect back to MotCua (path and query), once the identity was chosen.</summary>
    public string? Callback { get; set; }

    /// <summary>Starts at the portal, signs in at the provider as the identity; stops before following the callback.</summary>
    public async Task ToProviderAndBackAsync(string personalId, string? returnUrl)
    {
        // The test clock is the real one here: the provider's tokens and the handler's cookies carry real times.
        host.Time.Now = DateTimeOffset.UtcNow;
        var start = await Portal.GetAsync($"/dang-nhap/{scheme}" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(simulator.BaseAddress.ToString(), authorize.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(authorize);
        Assert.Contains("Chọn tài khoản thử nghiệm", page, StringComparison.Ordinal);
        // The page has two forms (test identities; ID number and password) with the same hidden fields.
        var form = HiddenField().Matches(page).DistinctBy(m => m.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["identity"] = personalId;
        var login = await browser.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var back = login.Headers.Location!;
        Assert.Equal("/signin-" + scheme, back.AbsolutePath);
        Callback = back.PathAndQuery;
    }

    /// <summary>Follows the callback; the answer is MotCua's redirect (to the return address, or to the sign-in page with a message).</summary>
    public async Task<HttpResponseMessage> FollowCallbackAsync()
    {
        var response = await Portal.GetAsync(Callback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("motcua.auth=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
