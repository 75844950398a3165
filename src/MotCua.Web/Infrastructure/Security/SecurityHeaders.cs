using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;

namespace MotCua.Web.Infrastructure.Security;

/// <summary>
/// Response headers and transport: a content security policy without inline script or style,
/// nosniff, no framing, a referrer policy, no-store on everything that is not a static file, HSTS
/// under HTTPS outside development, and X-Forwarded-For/Proto trusted only from the proxies listed
/// in configuration (so that cookies are Secure behind a TLS proxy). Settings: README, "Configuration".
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Pages: scripts, styles and images only from files of the site (no inline script, no eval, no inline style).</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A PDF opened in the browser is drawn by its viewer, which a page's object-src 'none' would block.</summary>
    public const string PdfPolicy = "default-src 'self'; frame-ancestors 'none'";

    /// <summary>
    /// An uploaded image or PDF previewed by an officer inside the dossier page: framed only by the
    /// site's own pages, no script, no plugin other than the browser's PDF viewer, no form, no
    /// network, and for images a sandbox (an opaque origin), so that even a file that is not what its
    /// type says could not act as the site. The content type comes from the content, never from the upload.
    /// </summary>
    public const string ImagePreviewPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    /// <summary>As <see cref="ImagePreviewPolicy"/> for a PDF, which the browser's viewer draws as an embedded object.</summary>
    public const string PdfPreviewPolicy = "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private const string PreviewItem = "motcua.preview";

    public const string StaticFileCaching = "public, max-age=3600";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Empty lists would mean "trust every sender" to the middleware, so with no proxy
            // configured nothing is forwarded at all.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            o.ForwardedHeaders = proxies.Length + networks.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        // The anti-forgery cookie is Secure whenever the request came over HTTPS (directly or through a known proxy).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = StaticFileCaching);
        return services;
    }

    /// <summary>First in the pipeline: the forwarded scheme and address must be known before anything reads them.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use((context, next) =>
        {
            // At the last moment, so that headers survive the exception handler's reset of the response.
            context.Response.OnStarting(() =>
            {
                Apply(context.Response);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>Marks the response as a preview to be framed by the site's own pages, with the policy for its type.</summary>
    public static void ServeAsPreview(HttpContext context, bool pdf) => context.Items[PreviewItem] = pdf ? PdfPreviewPolicy : ImagePreviewPolicy;

    private static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (response.HttpContext.Items[PreviewItem] is string previewPolicy && response.StatusCode == StatusCodes.Status200OK)
        {
            headers.XFrameOptions = "SAMEORIGIN";
            headers.ContentSecurityPolicy = previewPolicy;
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            return;
        }
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = response.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true ? PdfPolicy : PagePolicy;
        // Pages and API answers may hold personal data: never stored by the browser or a proxy.
        // Static files set their own caching (StaticFileOptions above).
        if (!headers.ContainsKey(HeaderNames.CacheControl))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
