using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>The operations dashboard in Chromium: the charts are drawn, and the figures refresh in place.</summary>
[Collection(PortalCollection.Name)]
public partial class IocDashboardTests(PortalServer server)
{
    [Fact]
    public async Task Ioc_DrawsSvgCharts_AndRefreshesInPlace_OnTheButtonAndEveryMinute()
    {
        var page = await server.NewPageAsync();
        // The browser's clock is a fake one from here (2 Jan 2030 08:02:03 Vietnam time): the refresh
        // stamp reads it, and a minute passes on demand instead of waiting.
        await page.Clock.InstallAsync(new() { TimeDate = new DateTime(2030, 1, 2, 1, 2, 3, DateTimeKind.Utc) });
        await page.GotoAsync("/office/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("leader.demo");
        await page.GetByLabel("Mật khẩu").FillAsync("MotCua@2026");
        await page.GetByLabel("Mã xác thực").FillAsync(await OfficerCode.NextAsync("leader.demo"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GotoAsync("/office/ioc");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trung tâm điều hành – tình hình giải quyết thủ tục hành chính" })).ToBeVisibleAsync();
        var channels = page.Locator("[data-chart=channels] svg[role=img]");
        await Assertions.Expect(channels).ToHaveCountAsync(1);
        Assert.StartsWith("Hồ sơ mới tiếp nhận năm nay theo kênh: Trực tuyến", await channels.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        Assert.Equal(12, await page.Locator("[data-chart=trend] svg rect").CountAsync());
        Assert.True(await page.Locator("[data-chart=overdue] svg a").CountAsync() > 0, "overdue bars link to the drill-down list");

        // The same document all along: a marker set now survives the refreshes.
        await page.EvaluateAsync("() => { window.iocSameDocument = true; }");
        var stamp = page.Locator("[data-ioc-updated]");
        var served = await stamp.InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cập nhật" }).ClickAsync();
        await Assertions.Expect(stamp).ToHaveTextAsync(ClockAt0802());
        Assert.NotEqual(served, await stamp.InnerTextAsync());
        await Assertions.Expect(page.GetByText("Cập nhật lúc")).ToBeVisibleAsync();

        await page.Clock.FastForwardAsync("01:00");
        await Assertions.Expect(stamp).ToHaveTextAsync(ClockAt0803());
        Assert.True(await page.EvaluateAsync<bool>("() => window.iocSameDocument === true"));
    }

    [GeneratedRegex(@"^08:02:\d\d$")]
    private static partial Regex ClockAt0802();

    [GeneratedRegex(@"^08:03:\d\d$")]
    private static partial Regex ClockAt0803();
}
