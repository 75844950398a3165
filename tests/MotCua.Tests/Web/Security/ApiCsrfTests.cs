using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Features.DemoData;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Security;

/// <summary>
/// A state-changing /api request that only the browser's cookie authenticates must carry the
/// anti-forgery token (docs/adr/0006-api-csrf.md): another site can make the browser send the
/// cookie, never the token.
/// </summary>
[Collection(DemoCollection.Name)]
public class ApiCsrfTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CrossSitePostsWithTheCookieAlone_AreRefused_AndChangeNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizenApi, phone, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizenApi);
        var (reception, _) = await CookieSession.SignInAsync(host, "/office/dang-nhap", "reception.demo", DemoDataSeeder.DemoPassword);
        var (citizen, _) = await CookieSession.SignInAsync(host, "/dang-nhap", phone, TestAccounts.Password);

        await Problem.AssertAsync(await reception.SendAsync(Forged($"/api/dossiers/{id}/accept", new StringContent("{}", Encoding.UTF8, "text/plain"))),
            HttpStatusCode.Forbidden, "urn:motcua:problem:csrf");
        await Problem.AssertAsync(await citizen.SendAsync(Forged($"/api/dossiers/{id}/receive-online", new StringContent("{}", Encoding.UTF8, "text/plain"))),
            HttpStatusCode.Forbidden, "urn:motcua:problem:csrf");
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "to-khai.pdf");
        await Problem.AssertAsync(await citizen.SendAsync(Forged("/api/files", upload)), HttpStatusCode.Forbidden, "urn:motcua:problem:csrf");

        var unchanged = await GetAsync(citizenApi, id);
        Assert.Equal(1, unchanged.GetProperty("status").GetInt32());
        Assert.Equal(1, unchanged.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheSitesOwnScript_SendsTheTokenHeader_AndIsServed(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizenApi, phone, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizenApi);
        var (reception, _) = await CookieSession.SignInAsync(host, "/office/dang-nhap", "reception.demo", DemoDataSeeder.DemoPassword);
        var (citizen, _) = await CookieSession.SignInAsync(host, "/dang-nhap", phone, TestAccounts.Password);

        using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{id}/accept") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        accept.Headers.Add("RequestVerificationToken", await CookieSession.TokenAsync(reception, "/office"));
        Assert.Equal(HttpStatusCode.OK, (await reception.SendAsync(accept)).StatusCode);
        Assert.Equal(2, (await GetAsync(citizenApi, id)).GetProperty("status").GetInt32());

        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/files") { Content = new MultipartFormDataContent() };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        ((MultipartFormDataContent)upload.Content).Add(file, "file", "to-khai.pdf");
        upload.Headers.Add("RequestVerificationToken", await CookieSession.TokenAsync(citizen, "/ho-so-cua-toi"));
        Assert.Equal(HttpStatusCode.Created, (await citizen.SendAsync(upload)).StatusCode);

        // Reads with the cookie need no token (the portal's download links, the IOC page's script).
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/dossiers/{id}/forms/01")).StatusCode);
    }

    private static HttpRequestMessage Forged(string url, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Referrer = new Uri("http://evil.example/trap.html");
        return request;
    }
}
