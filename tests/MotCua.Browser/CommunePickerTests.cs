using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>The citizen gives their commune by name (sign-up and profile), from the province's list, never as a raw code.</summary>
[Collection(PortalCollection.Name)]
public class CommunePickerTests(PortalServer server)
{
    [Fact]
    public async Task SignUpAndProfile_PickTheCommuneByName()
    {
        var page = await server.NewPageAsync(phone: true);
        var phone = "096" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync("/dang-ky");
        await page.Locator("#fullName").FillAsync("Vi Thị Thu");
        await page.Locator("#phone").FillAsync(phone);
        await page.Locator("#personalId").FillAsync("020197" + phone[^6..]);
        await page.Locator("#birthDate").FillAsync("1997-04-09");
        await page.GetByLabel("Xã, phường nơi cư trú").SelectOptionAsync(new SelectOptionValue { Label = "Phường Kỳ Lừa" });
        await page.Locator("#address").FillAsync("Thôn Nà Mu");
        await page.Locator("#password").FillAsync("MatKhau2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await page.GetByLabel("Số điện thoại hoặc e-mail").FillAsync(phone);
        await page.GetByLabel("Mật khẩu").FillAsync("MatKhau2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));

        await page.GotoAsync("/tai-khoan");
        var commune = page.GetByLabel("Xã, phường nơi cư trú");
        await Assertions.Expect(commune).ToHaveValueAsync("06187");
        Assert.Equal("Phường Kỳ Lừa", (await commune.Locator("option:checked").InnerTextAsync()).Trim());
        await commune.SelectOptionAsync(new SelectOptionValue { Label = "Phường Đông Kinh" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã lưu thông tin tài khoản.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Xã, phường nơi cư trú")).ToHaveValueAsync("05977");
    }
}
