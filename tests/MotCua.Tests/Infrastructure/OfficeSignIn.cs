using MotCua.Web.Features.DemoData;

namespace MotCua.Tests.Infrastructure;

/// <summary>Signs in to the office pages with the cookie form (anti-forgery token included).</summary>
public static class OfficeSignIn
{
    public static async Task<HttpClient> AsAsync(WebHost host, string user, string password = DemoDataSeeder.DemoPassword)
    {
        var client = host.Client(followRedirects: false);
        var form = await client.GetStringAsync("/office/dang-nhap");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await client.PostAsync("/office/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = password,
            ["totp"] = await TestTotp.FreshCodeAsync(host, user),
            ["__RequestVerificationToken"] = token,
        }));
        return client;
    }
}
