using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>
/// Screenshots of the key pages at phone (390×844) and desktop (1280×800) size. They go to the folder
/// named by MOTCUA_SCREENSHOTS (docs/screenshots holds the committed ones, linked from the README),
/// else to a temporary folder: either way each must be a real, non-blank image of its page.
/// </summary>
[Collection(PortalCollection.Name)]
public class ScreenshotTests(PortalServer server)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task KeyPages_AreCaptured(bool phone)
    {
        var folder = Environment.GetEnvironmentVariable("MOTCUA_SCREENSHOTS") is { Length: > 0 } set
            ? set
            : Path.Combine(Path.GetTempPath(), "motcua-screenshots-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        await KeyPages.WalkAsync(server, phone, async (page, name, load) =>
        {
            await load();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // The focus ring of the error summary stays in the picture; the caret does not blink into it.
            var file = Path.Combine(folder, $"{name}-{(phone ? "phone" : "desktop")}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Type = ScreenshotType.Png, Caret = ScreenshotCaret.Hide });
            written.Add(file);
        });

        Assert.Equal(9, written.Count);
        foreach (var file in written)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 5_000, $"{file} is {bytes.Length} bytes: a blank page?");
            var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            Assert.Equal(phone ? 390 : 1280, width);
        }
    }
}
