using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.Web.Features.Integrations.Lgsp;

/// <summary>The LGSP's token endpoint did not give a token (down, refused the credentials, or answered nonsense).</summary>
public sealed class LgspTokenException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// OAuth2 client-credentials tokens of the LGSP (RFC 6749 §4.4; docs/integrations/lgsp-population.md#lgsp):
/// <c>POST {TokenUrl}</c> with <c>grant_type=client_credentials&amp;client_id&amp;client_secret</c> answers
/// <c>access_token, token_type, expires_in</c>. One token is shared by the whole process and renewed
/// shortly before it expires; concurrent callers wait for one request instead of each asking. A token
/// the LGSP refuses is dropped (<see cref="Invalidate"/>) so the next caller gets a new one.
/// </summary>
public sealed class LgspTokenCache(IHttpClientFactory clients, LgspOptions options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "lgsp-token";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (Current() is { } current)
            return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (Current() is { } fresh)
                return fresh;
            var (token, lifetime) = await RequestAsync(ct);
            _token = token;
            var renewBefore = TimeSpan.FromSeconds(Math.Min(options.RenewBeforeSeconds, lifetime.TotalSeconds / 2));
            _renewAt = time.GetUtcNow() + lifetime - renewBefore;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets the token if it is still the one given (another caller may already have renewed it).</summary>
    public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);

    private string? Current()
    {
        var token = Volatile.Read(ref _token);
        return token is not null && time.GetUtcNow() < _renewAt ? token : null;
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId ?? "",
                ["client_secret"] = options.ClientSecret ?? "",
            });
            using var response = await clients.CreateClient(HttpClientName).PostAsync(options.TokenUrl, form, timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw new LgspTokenException($"LGSP token endpoint answered {(int)response.StatusCode}.");
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(timeout.Token);
            if (string.IsNullOrEmpty(body?.AccessToken) || body.ExpiresIn is not > 0)
                throw new LgspTokenException("LGSP token endpoint answered without access_token or expires_in.");
            return (body.AccessToken, TimeSpan.FromSeconds(body.ExpiresIn.Value));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new LgspTokenException("LGSP token endpoint unreachable or its answer unreadable.", e);
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("token_type")] string? TokenType,
        [property: JsonPropertyName("expires_in")] long? ExpiresIn);
}
