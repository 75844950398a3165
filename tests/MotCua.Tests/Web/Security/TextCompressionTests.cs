using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Security;

/// <summary>
/// Text responses travel compressed (Brotli or gzip, as the client accepts), except those that carry a
/// credential and signed-in pages asked for by another site, whose length could leak a secret (BREACH;
/// docs/ux.md#compression).
/// </summary>
[Collection(DemoCollection.Name)]
public class TextCompressionTests(DemoHosts hosts)
{
    [Fact]
    public async Task PagesStylesScriptsJsonAndSvg_AreCompressed_WithWhatTheClientAccepts()
    {
        var host = await hosts.Get(DatabaseKind.Sqlite);
        var anonymous = host.Client();

        var brotli = await GetAsync(anonymous, "/", "br, gzip");
        Assert.Equal("br", ContentEncoding(brotli));
        Assert.Contains("Accept-Encoding", brotli.Headers.Vary);
        var raw = await brotli.Content.ReadAsByteArrayAsync();
        var html = Decode(raw, "br");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Tra cứu và thực hiện thủ tục hành chính", html, StringComparison.Ordinal);
        Assert.True(raw.Length * 2 < System.Text.Encoding.UTF8.GetByteCount(html), $"{raw.Length} bytes for {System.Text.Encoding.UTF8.GetByteCount(html)} of HTML");

        var gzip = await GetAsync(anonymous, "/", "gzip");
        Assert.Equal("gzip", ContentEncoding(gzip));
        Assert.Contains("Tra cứu và thực hiện thủ tục hành chính", Decode(await gzip.Content.ReadAsByteArrayAsync(), "gzip"), StringComparison.Ordinal);

        foreach (var path in new[] { "/css/site.css", "/js/upload.js", "/img/emblem-lang-son.svg", "/api/catalog/procedures" })
            Assert.True(ContentEncoding(await GetAsync(anonymous, path, "br")) == "br", $"{path} is not compressed");

        var plain = await GetAsync(anonymous, "/", null);
        Assert.Null(ContentEncoding(plain));
        Assert.StartsWith("<!DOCTYPE html>", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialsAndSignedInPagesAskedForByAnotherSite_AreNeverCompressed()
    {
        var host = await hosts.Get(DatabaseKind.Sqlite);
        var (_, phone, _) = await DossierClient.NewCitizenAsync(host);

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { userName = phone, password = "MatKhau2026!" }) };
        tokenRequest.Headers.Add("Accept-Encoding", "br, gzip");
        var token = await host.Client().SendAsync(tokenRequest);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Null(ContentEncoding(token));
        Assert.Contains("accessToken", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (citizen, _) = await CookieSession.SignInAsync(host, "/dang-nhap", phone, "MatKhau2026!");
        Assert.Equal("br", ContentEncoding(await GetAsync(citizen, "/ho-so-cua-toi", "br", "same-origin")));
        Assert.Equal("br", ContentEncoding(await GetAsync(citizen, "/ho-so-cua-toi", "br", "none")));
        Assert.Equal("br", ContentEncoding(await GetAsync(citizen, "/ho-so-cua-toi", "br")));
        foreach (var site in new[] { "cross-site", "same-site" })
        {
            var foreign = await GetAsync(citizen, "/ho-so-cua-toi", "br", site);
            Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
            Assert.Null(ContentEncoding(foreign));
        }
        var secondFactor = await GetAsync(citizen, "/bao-mat/xac-thuc-hai-lop", "br, gzip", "same-origin");
        Assert.Equal(HttpStatusCode.OK, secondFactor.StatusCode);
        Assert.Null(ContentEncoding(secondFactor));
        Assert.Contains("<!DOCTYPE html>", await secondFactor.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another site may still get the public pages compressed: they hold no secret of the visitor.
        Assert.Equal("br", ContentEncoding(await GetAsync(host.Client(), "/thu-tuc", "br", "cross-site")));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding, string? fetchSite = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
            request.Headers.Add("Accept-Encoding", acceptEncoding);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return response;
    }

    private static string? ContentEncoding(HttpResponseMessage response) => response.Content.Headers.ContentEncoding.SingleOrDefault();

    private static string Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
