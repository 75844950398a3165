using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Security;

/// <summary>Security headers on every kind of response, no-store on personal data, forwarded headers only from known proxies, security.txt, OpenAPI by configuration.</summary>
[Collection(DemoCollection.Name)]
public class HeadersAndTransportTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders_AndPersonalDataIsNeverStored(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizenApi, phone, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizenApi);
        var fileId = (await GetAsync(citizenApi, id)).GetProperty("files")[0].GetProperty("id").GetInt64();
        var (citizen, _) = await CookieSession.SignInAsync(host, "/dang-nhap", phone, TestAccounts.Password);
        var anonymous = host.Client();

        var page = await anonymous.GetAsync("/");
        var api = await anonymous.GetAsync("/api/catalog/procedures");
        var download = await citizenApi.GetAsync($"/api/dossiers/{id}/files/{fileId}");
        var stylesheet = await anonymous.GetAsync("/css/site.css");
        var missing = await anonymous.GetAsync("/api/khong-co");
        foreach (var response in new[] { page, api, download, stylesheet, missing })
        {
            var what = response.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, what);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        }
        var policy = Header(page, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("public, max-age=3600", stylesheet.Headers.CacheControl!.ToString());
        Assert.True(download.Headers.CacheControl!.NoStore, "a downloaded file is not stored");
        Assert.True(api.Headers.CacheControl!.NoStore);

        var dossierPage = await citizen.GetAsync($"/ho-so-cua-toi/{id}");
        Assert.Equal(HttpStatusCode.OK, dossierPage.StatusCode);
        Assert.True(dossierPage.Headers.CacheControl!.NoStore, "a dossier page is never cached");
        var html = await dossierPage.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        Assert.DoesNotMatch("\\s(on[a-z]+|style)=\"", html);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ForwardedProto_FromAnUnknownPeerIsIgnored_FromAKnownProxyMakesCookiesSecureAndSendsHsts(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: false, new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["environment"] = "Production",
        }, services => services.AddSingleton<IStartupFilter, PeerAddressFromTestHeader>());
        var phone = await NewApplicantAsync(host);

        var direct = await SignInFromAsync(host, phone, peer: "10.0.0.9");
        Assert.DoesNotContain("secure", direct.Cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(direct.Response.Headers.Contains("Strict-Transport-Security"));

        var proxied = await SignInFromAsync(host, phone, peer: "10.0.0.5");
        Assert.Contains("secure", proxied.Cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", Header(proxied.Response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityTxt_IsServedFromConfiguration_AndOpenApiOnlyWhereEnabled()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false, new Dictionary<string, string>
        {
            ["OpenApi:Enabled"] = "false",
            ["SecurityTxt:Contact:0"] = "mailto:soc@so-tttt.example",
            ["SecurityTxt:Expires"] = "2026-12-31T00:00:00Z",
        });
        var client = host.Client();
        var response = await client.GetAsync("/.well-known/security.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Contact: mailto:soc@so-tttt.example\n", text, StringComparison.Ordinal);
        Assert.Contains("Expires: 2026-12-31T00:00:00Z\n", text, StringComparison.Ordinal);
        Assert.Contains("Preferred-Languages: vi, en\n", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");

    /// <summary>Signs in through a peer that claims the client used HTTPS; returns the response and its auth cookie.</summary>
    private static async Task<(HttpResponseMessage Response, string Cookie)> SignInFromAsync(WebHost host, string phone, string peer)
    {
        var response = await SignInResponseAsync(host, phone, peer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response, string.Join("\n", response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("motcua.auth", StringComparison.Ordinal))));
    }

    private static async Task<HttpResponseMessage> SignInResponseAsync(WebHost host, string phone, string peer)
    {
        var client = host.Client(followRedirects: false);
        var token = await CookieSession.TokenAsync(client, "/dang-nhap");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = phone,
                ["password"] = TestAccounts.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add(PeerAddressFromTestHeader.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Host = "dichvucong.langson.example";
        return await client.SendAsync(request);
    }

    /// <summary>An applicant made directly in the database (no demo data in these hosts).</summary>
    private static async Task<string> NewApplicantAsync(WebHost host)
    {
        var phone = "0912" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = new UserAccount { UserName = phone, FullName = "Người thử nghiệm", Kind = AccountKind.Applicant, PasswordHash = "", CreatedAt = DateTime.UtcNow };
        account.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(account, TestAccounts.Password);
        db.UserAccounts.Add(account);
        await db.SaveChangesAsync();
        return phone;
    }

    /// <summary>The test server has no socket: this sets the connection's remote address, as Kestrel would, from a test header.</summary>
    private sealed class PeerAddressFromTestHeader : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].FirstOrDefault() ?? "10.0.0.9");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
