using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Integrations.DvcqgInbound;

/// <summary>
/// <c>POST /api/integrations/dvcqg/dossiers</c>: DVCQG pushes a dossier submitted there
/// (docs/integrations/dvcqg-inbound.md). The caller is the national portal, identified by the
/// configured bearer token (compared in constant time); without a configured token the route does not
/// exist (404). The outcome is in the body's <c>error_code</c>, as DVCQG's client reads it.
/// </summary>
public static class DvcqgInboundApi
{
    public static IServiceCollection AddDvcqgInbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DvcqgInboundOptions.Section).Get<DvcqgInboundOptions>() ?? new DvcqgInboundOptions());
        // Redirects are not followed: a redirect could lead outside the allowed file hosts.
        services.AddHttpClient(InboundFileSource.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddScoped<InboundFileSource>();
        services.AddScoped<InboundFileCheck>();
        services.AddScoped<ReceiveDvcqgDossierHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapDvcqgInboundApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/integrations/dvcqg/dossiers", Endpoint).WithTags("Integrations").DisableAntiforgery()
            .WithSummary("DVCQG pushes a dossier submitted on the national portal (Authorization: Bearer <inbound token>)");
        return app;
    }

    public static async Task<IResult> Endpoint(HttpRequest http, DvcqgInboundOptions options, ReceiveDvcqgDossierHandler handler, CancellationToken ct)
    {
        if (!options.Enabled)
            return Problems.NotFound("Không có địa chỉ API này.");
        if (!Authorized(http.Headers.Authorization.ToString(), options.InboundToken!))
            return Problems.Problem(StatusCodes.Status401Unauthorized, "dvcqg-unauthenticated", "Thiếu hoặc sai mã xác thực của Cổng Dịch vụ công quốc gia");
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, new JsonDocumentOptions { MaxDepth = 32 }, ct);
        }
        catch (JsonException)
        {
            return Answer(new DvcqgAnswer(DvcqgAnswer.Refused, "Nội dung gửi lên không phải JSON hợp lệ."));
        }
        using (document)
            return Answer(await handler.HandleAsync(document.RootElement, ct));
    }

    private static IResult Answer(DvcqgAnswer answer) => TypedResults.Json(answer);

    /// <summary>Constant-time comparison of fixed-length digests, so neither content nor length leaks through timing.</summary>
    public static bool Authorized(string header, string token)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
