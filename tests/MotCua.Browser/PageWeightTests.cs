using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MotCua.Browser;

/// <summary>
/// What each key page costs a cheap phone on a first visit (nothing cached): the bytes transferred for
/// the page and everything it loads, under a budget; and no request leaves the server's own host (no
/// external fonts, scripts or trackers). docs/ux.md records the measured weights.
/// </summary>
[Collection(PortalCollection.Name)]
public class PageWeightTests(PortalServer server, ITestOutputHelper output)
{
    /// <summary>The heaviest key page (Decision 766, about 190 KB of HTML) weighed under this when measured (docs/ux.md).</summary>
    private const long BudgetBytes = 250_000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task KeyPages_AreLight_AndRequestNothingFromAnotherHost(bool phone)
    {
        var own = new Uri(server.BaseUrl);
        var foreign = new List<string>();
        var weights = new List<(string Name, long Bytes, int Requests)>();
        long bytes = 0;
        var requests = 0;
        await KeyPages.WalkAsync(server, phone, async (page, name, load) =>
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            bytes = 0;
            requests = 0;
            await load();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            weights.Add((name, Interlocked.Read(ref bytes), requests));
        }, async context =>
        {
            // Any route turns the HTTP cache off: every page is weighed as on a first visit.
            await context.RouteAsync("**/*", route => route.ContinueAsync());
            context.Request += (_, request) =>
            {
                // Only network requests: the browser's own pages (its PDF viewer's chrome:// and
                // chrome-extension:// files, data: and blob: URLs) cost nothing on the wire.
                var url = new Uri(request.Url);
                if (url.Scheme is not ("http" or "https" or "ws" or "wss"))
                    return;
                if (url.Host != own.Host || url.Port != own.Port)
                    lock (foreign)
                        foreign.Add(request.Url);
            };
            context.RequestFinished += async (_, request) =>
            {
                if (!request.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal))
                    return;
                var sizes = await request.SizesAsync();
                Interlocked.Add(ref bytes, sizes.ResponseBodySize + sizes.ResponseHeadersSize);
                Interlocked.Increment(ref requests);
            };
        });

        foreach (var (name, weight, count) in weights)
            output.WriteLine($"{name} ({(phone ? "phone" : "desktop")}): {weight:N0} bytes in {count} requests");
        Assert.Empty(foreign);
        var heaviest = weights.MaxBy(w => w.Bytes);
        Assert.True(heaviest.Bytes < BudgetBytes, $"{heaviest.Name} weighs {heaviest.Bytes:N0} bytes, over the {BudgetBytes:N0} budget");
        Assert.All(weights, w => Assert.True(w.Bytes > 1_000, $"{w.Name}: nothing measured"));
    }
}
