using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>
/// A citizen without a MotCua password reaches a page that needs sign-in, chooses "Đăng nhập bằng
/// VNeID", signs in at the (simulated) VNeID and lands back on that page, signed in.
/// </summary>
[Collection(PortalCollection.Name)]
public class VneidSignInTests(PortalServer server)
{
    [Fact]
    public async Task Phone_SignInWithVneid_LandsSignedInAtTheReturnAddress()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.GotoAsync("/nop-ho-so/2.001610");
        Assert.StartsWith("/dang-nhap", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng VNeID" }).ClickAsync();
        await page.WaitForURLAsync(server.SimulatorUrl + "/vneid/**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập VNeID" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lý Thị Mai — 020301000103" }).ClickAsync();

        await page.WaitForURLAsync(server.BaseUrl + "/nop-ho-so/2.001610");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ của tôi" })).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng VNeID" })).ToHaveCountAsync(0);
    }
}
