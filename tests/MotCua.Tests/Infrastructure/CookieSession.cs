using System.Net;
using System.Text.RegularExpressions;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// Signs in with a cookie form (office or portal) and keeps the raw auth cookie, so a test can
/// replay it after the browser that held it signed out.
/// </summary>
public static partial class CookieSession
{
    public static async Task<(HttpClient Client, string Cookie)> SignInAsync(WebHost host, string loginPage, string user, string password, Action<HttpRequestMessage>? decorate = null)
    {
        var client = host.Client(followRedirects: false);
        var token = await TokenAsync(client, loginPage);
        using var request = new HttpRequestMessage(HttpMethod.Post, loginPage)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = user,
                ["password"] = password,
                // Officers need their second factor; an applicant without one ignores the field.
                ["totp"] = await TestTotp.FreshCodeAsync(host, user),
                ["__RequestVerificationToken"] = token,
            }),
        };
        decorate?.Invoke(request);
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {user}: {response.StatusCode}");
        return (client, AuthCookie(response));
    }

    /// <summary>The "name=value" pairs of the auth cookie (and its chunks) set by a response.</summary>
    public static string AuthCookie(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("motcua.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));

    /// <summary>A GET from a fresh client carrying only the given cookie (an attacker replaying it).</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(WebHost host, string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await host.Client(followRedirects: false).SendAsync(request);
    }

    /// <summary>The anti-forgery token of a page's forms (the sign-out form of the layout on any signed-in page).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var match = TokenInput().Match(await client.GetStringAsync(page));
        Assert.True(match.Success, $"{page} carries an anti-forgery token");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
