using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MotCua.Browser;

/// <summary>
/// axe-core on every portal and office page, in each state a person meets it (a form with its error
/// summary, a search without results, tracking found and not found, 404), on a 1280×800 desktop and
/// a 390×844 phone. Any WCAG 2.1 A/AA violation fails the test, listed page by page.
/// </summary>
[Collection(PortalCollection.Name)]
public class AccessibilityTests(PortalServer server, ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryPortalPage_HasNoWcag21Violations(bool phone)
    {
        var problems = new List<string>();
        var page = await NewPageAsync(phone);
        async Task Check(string what) => problems.AddRange(await Axe.ViolationsAsync(page, $"{what} [{(phone ? "phone" : "desktop")}]"));
        async Task Visit(string url)
        {
            await page.GotoAsync(url);
            await Check(url);
        }

        foreach (var url in new[]
        {
            "/", "/thu-tuc", "/thu-tuc?q=doanh+nghiep", "/thu-tuc?q=xyzkhongcothutuc", $"/thu-tuc/{People.Procedure}",
            "/tra-cuu", "/tra-cuu?ma=000.00.02.H39-000000-0000&kiemtra=0000", "/tro-giup", "/du-lieu-mo",
            "/dang-nhap", "/dang-ky", "/trang-khong-co",
        })
            await Visit(url);

        await People.CitizenSignInAsync(page);
        await Visit($"/nop-ho-so/{People.Procedure}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Check("submit form with errors");
        await People.FillSubmitFormAsync(page);
        var (id, code) = await People.SendAsync(page);
        await Check("submitted confirmation");
        await Visit($"/tra-cuu?ma={Uri.EscapeDataString(code)}&kiemtra=2345");
        Assert.Contains("Hồ sơ " + code, await page.ContentAsync(), StringComparison.Ordinal);
        foreach (var url in new[] { "/ho-so-cua-toi", $"/ho-so-cua-toi/{id}", "/tai-khoan", "/bao-mat/xac-thuc-hai-lop" })
            await Visit(url);

        Assert.True(problems.Count == 0, "axe found WCAG 2.1 A/AA violations:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryOfficePage_HasNoWcag21Violations(bool phone)
    {
        var problems = new List<string>();
        var citizen = await NewPageAsync(phone);
        await People.CitizenSignInAsync(citizen);
        await citizen.GotoAsync($"/nop-ho-so/{People.Procedure}");
        await People.FillSubmitFormAsync(citizen);
        var (id, _) = await People.SendAsync(citizen);

        var page = await NewPageAsync(phone);
        async Task Visit(string url)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await page.GotoAsync(url);
            var loaded = clock.ElapsedMilliseconds;
            problems.AddRange(await Axe.ViolationsAsync(page, $"{url} [{(phone ? "phone" : "desktop")}]"));
            output.WriteLine($"{url}: load {loaded} ms, axe {clock.ElapsedMilliseconds - loaded} ms");
        }

        await Visit("/office/dang-nhap");
        await People.OfficerSignInAsync(page, "reception.demo");
        foreach (var url in new[] { "/office", "/office/ho-so", "/office/ho-so?q=H39", $"/office/ho-so/{id}", "/office/tiep-nhan", "/office/nhat-ky", "/office/khong-co-quyen" })
            await Visit(url);
        await page.GotoAsync($"/office/ho-so/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem tệp giay-de-nghi.pdf" }).ClickAsync();
        await Assertions.Expect(page.Locator("iframe.preview-frame")).ToBeVisibleAsync();
        problems.AddRange(await Axe.ViolationsAsync(page, $"document preview [{(phone ? "phone" : "desktop")}]"));

        var admin = await NewPageAsync(phone);
        page = admin;
        await People.OfficerSignInAsync(page, "admin.demo");
        foreach (var url in new[]
        {
            "/office/bao-cao/06a?from=2026-01-01&to=2026-12-31", "/office/bao-cao/06b", "/office/bao-cao/766", "/office/bao-cao/danh-gia-01",
            "/office/ioc", "/office/ioc/man-hinh", "/office/lien-thong", "/office/nhat-ky", "/office/lich-lam-viec", "/office/bao-mat-tai-khoan",
            "/office/ho-so/1", "/office/bao-cao/06a/ho-so?from=2026-01-01&to=2026-12-31&figure=received",
            "/office/bao-cao/doi-soat-dvcqg", "/office/bao-cao/tra-cuu-dan-cu", "/office/danh-muc-thu-tuc",
        })
            await Visit(url);

        Assert.True(problems.Count == 0, "axe found WCAG 2.1 A/AA violations:\n" + string.Join("\n", problems));
    }

    private async Task<IPage> NewPageAsync(bool phone)
    {
        var page = await server.NewPageAsync(phone);
        if (!phone)
            await page.SetViewportSizeAsync(1280, 800);
        return page;
    }
}
