using System.Net;
using System.Net.Http.Headers;

namespace MotCua.Web.Features.Integrations.Lgsp;

/// <summary>
/// The LGSP transport for any adapter (docs/integrations/lgsp-population.md#lgsp): adds the LGSP's bearer token
/// to each request, and when the LGSP answers 401 (token expired or revoked early) drops that token and
/// sends the request once more with a new one. Use it with
/// <c>services.AddHttpClient("name").AddLgspAuthentication()</c>.
/// </summary>
public sealed class LgspAuthenticationHandler(LgspTokenCache tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The body is buffered so that the one retry can send it again.
        if (request.Content is not null)
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        var token = await tokens.GetAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return response;

        response.Dispose();
        tokens.Invalidate(token);
        using var retry = await CopyAsync(request, cancellationToken);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(retry, cancellationToken);
    }

    private static async Task<HttpRequestMessage> CopyAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (request.Content is not null)
        {
            copy.Content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync(ct));
            foreach (var header in request.Content.Headers)
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }
}

public static class LgspSetup
{
    /// <summary>The LGSP configuration, its token cache and the authentication handler; called once.</summary>
    public static IServiceCollection AddLgsp(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LgspOptions.Section).Get<LgspOptions>() ?? new LgspOptions();
        services.AddSingleton(options);
        services.AddHttpClient(LgspTokenCache.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5));
        services.AddSingleton<LgspTokenCache>();
        services.AddTransient<LgspAuthenticationHandler>();
        return services;
    }

    /// <summary>Sends this client's requests through the LGSP: bearer token added, renewed once on 401.</summary>
    public static IHttpClientBuilder AddLgspAuthentication(this IHttpClientBuilder builder) =>
        builder.AddHttpMessageHandler<LgspAuthenticationHandler>();
}
