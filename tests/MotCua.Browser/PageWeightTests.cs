using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MotCua.Browser;

/// <summary>
/// What each key page costs a cheap phone on a first visit (nothing cached): the bytes transferred for
/// the page and everything it loads, under a budget; each page's HTML travels compressed (Brotli or
/// gzip, as the browser accepts); and no request leaves the server's own host (no external fonts,
/// scripts or trackers). docs/ux.md records the measured weights.
/// </summary>
[Collection(PortalCollection.Name)]
public class PageWeightTests(PortalServer server, ITestOutputHelper output)
{
    /// <summary>
    /// The heaviest key page (Decision 766, about 220 KB of HTML, 35 KB on the wire with Brotli) weighed
    /// under a sixth of this when measured (docs/ux.md): room for growth, none for losing compression.
    /// </summary>
    private const long BudgetBytes = 100_000;

    private sealed record Weight(string Name, long Bytes, long Uncompressed, int Requests, string? Encoding, long Html, long HtmlSent);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task KeyPages_AreLight_TravelCompressed_AndRequestNothingFromAnotherHost(bool phone)
    {
        var own = new Uri(server.BaseUrl);
        var foreign = new List<string>();
        var finished = new List<IRequest>();
        var weights = new List<Weight>();
        IResponse? document = null;
        await KeyPages.WalkAsync(server, phone, async (page, name, load) =>
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            lock (finished)
                finished.Clear();
            document = null;
            await load();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            IRequest[] done;
            lock (finished)
                done = [.. finished];
            long sent = 0, uncompressed = 0;
            foreach (var request in done)
            {
                var sizes = await request.SizesAsync();
                sent += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
                uncompressed += await DecodedBodySizeAsync(request, sizes.ResponseBodySize) + sizes.ResponseHeadersSize;
            }
            var loaded = document ?? throw new InvalidOperationException($"{name}: no page loaded");
            var html = (await loaded.BodyAsync()).Length;
            var htmlSent = (await loaded.Request.SizesAsync()).ResponseBodySize;
            weights.Add(new Weight(name, sent, uncompressed, done.Length, await loaded.HeaderValueAsync("content-encoding"), html, htmlSent));
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
            // The page itself (the top frame's document), to see how its HTML travelled.
            context.Response += (_, response) =>
            {
                if (response.Request.IsNavigationRequest && response.Frame.ParentFrame is null && response.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal))
                    document = response;
            };
            context.RequestFinished += (_, request) =>
            {
                if (request.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal))
                    lock (finished)
                        finished.Add(request);
            };
        });

        foreach (var w in weights)
            output.WriteLine($"{w.Name} ({(phone ? "phone" : "desktop")}): {w.Bytes:N0} bytes ({w.Uncompressed:N0} uncompressed) in {w.Requests} requests; its HTML {w.Html:N0} bytes sent as {w.HtmlSent:N0} ({w.Encoding ?? "uncompressed"})");
        Assert.Empty(foreign);
        var heaviest = weights.MaxBy(w => w.Bytes)!;
        Assert.True(heaviest.Bytes < BudgetBytes, $"{heaviest.Name} weighs {heaviest.Bytes:N0} bytes, over the {BudgetBytes:N0} budget");
        Assert.All(weights, w => Assert.True(w.Bytes > 1_000, $"{w.Name}: nothing measured"));
        // Every page's HTML travels compressed; the biggest (Decision 766) at a fraction of its size.
        Assert.All(weights, w => Assert.True(w.Encoding is "br" or "gzip", $"{w.Name}: HTML sent {w.Encoding ?? "uncompressed"}"));
        var report = weights.Single(w => w.Name == "office-766");
        Assert.True(report.Html > 100_000, $"the 766 page has {report.Html:N0} bytes of HTML");
        Assert.True(report.HtmlSent * 4 < report.Html, $"the 766 page's {report.Html:N0} bytes of HTML travelled as {report.HtmlSent:N0}");
    }

    /// <summary>What the body would have weighed uncompressed (a redirect has none to read).</summary>
    private static async Task<long> DecodedBodySizeAsync(IRequest request, long sent)
    {
        var response = await request.ResponseAsync();
        if (response is null || response.Status is >= 300 and < 400)
            return sent;
        try
        {
            return (await response.BodyAsync()).Length;
        }
        catch (PlaywrightException)
        {
            return sent; // a body the browser did not keep (the PDF viewer's stream): it was not compressed
        }
    }
}
