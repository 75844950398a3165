using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace MotCua.Web.Infrastructure.Http;

/// <summary>
/// Brotli or gzip for text responses (HTML, CSS, JavaScript, JSON, SVG), over HTTPS too: the Decision
/// 766 page's 190 KB of HTML reaches a phone as a fraction of that. Never compressed, so that the
/// length of a response cannot leak a secret it carries (the BREACH attack, docs/ux.md#compression):
/// responses that carry credentials (tokens, second-factor secrets, recovery codes), and signed-in
/// responses to a request another site started (Sec-Fetch-Site cross-site or same-site).
/// </summary>
public static class TextCompression
{
    /// <summary>Paths whose responses carry a credential: the API's tokens and second-factor enrolment, the second-factor page.</summary>
    private static readonly string[] CredentialPaths = ["/api/auth", "/api/accounts/me/mfa", "/bao-mat"];

    private const string SignInCookie = "motcua.auth";

    public static IServiceCollection AddTextCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/javascript", "image/svg+xml", "application/problem+json", "text/csv"];
        });
        // Pages are made per request: the fastest level already takes most of the gain, at little CPU.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Before everything that writes a response; a request that must not be compressed loses its Accept-Encoding.</summary>
    public static IApplicationBuilder UseTextCompression(this IApplicationBuilder app) =>
        app.Use((ctx, next) =>
        {
            if (!MayCompress(ctx.Request))
                ctx.Request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding);
            return next(ctx);
        }).UseResponseCompression();

    public static bool MayCompress(HttpRequest request)
    {
        if (CredentialPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return false;
        if (!request.Cookies.ContainsKey(SignInCookie))
            return true;
        // A browser says who started the request; only the site itself or the person (typed address,
        // bookmark) may get a compressed signed-in page. Browsers that do not say are let through.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "" or "same-origin" or "none";
    }
}
