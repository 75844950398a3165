using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Tests.Infrastructure;

public static class Problem
{
    /// <summary>Asserts an RFC 9457 body with the stable type and a Vietnamese title.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(type, body.GetProperty("type").GetString());
        var title = body.GetProperty("title").GetString()!;
        Assert.True(title.Any(c => c > 127), $"Title should be Vietnamese: {title}");
        return body;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoHosts>
{
    public const string Name = "Demo data hosts";
}
