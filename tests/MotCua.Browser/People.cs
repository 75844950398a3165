using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>Signing in as the demo people (README: the demo accounts) and the citizen's online submission of 2.001610.</summary>
public static class People
{
    public const string Password = "MotCua@2026";
    public const string Procedure = "2.001610";

    public static async Task CitizenSignInAsync(IPage page)
    {
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Số điện thoại hoặc e-mail").FillAsync("citizen.demo");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Generous: on a machine shared with builds the redirect after the password check can be slow.
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal), new() { Timeout = 60_000 });
    }

    public static async Task OfficerSignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/office/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByLabel("Mã xác thực").FillAsync(await OfficerCode.NextAsync(user));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
    }

    /// <summary>Fills the form of 2.001610 (the citizen is signed in and on it) and attaches the request form.</summary>
    public static async Task FillSubmitFormAsync(IPage page)
    {
        await page.Locator("#f_enterpriseName").FillAsync("Doanh nghiệp tư nhân Mai Nông");
        await page.Locator("#f_headOffice").FillAsync("Số 12 Trần Đăng Ninh, phường Đông Kinh");
        await page.Locator("#f_businessLines").FillAsync("4711 | Bán lẻ lương thực, thực phẩm");
        await page.Locator("#f_investmentCapital").FillAsync("500000000");
        await AttachAsync(page);
    }

    public static async Task AttachAsync(IPage page)
    {
        if (await page.Locator("#doc_0-status .file-name").CountAsync() > 0)
            return;
        await page.Locator("#doc_0").SetInputFilesAsync(new FilePayload { Name = "giay-de-nghi.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes(CitizenAndOfficeFlowTests.PdfText) });
        await Assertions.Expect(page.Locator("#doc_0-status")).ToContainTextAsync("giay-de-nghi.pdf");
    }

    /// <summary>Submits (the form filled) and returns the dossier id and code from the confirmation page.</summary>
    public static async Task<(long Id, string Code)> SendAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ đã được gửi" })).ToBeVisibleAsync();
        var id = long.Parse(page.Url.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
        return (id, (await page.Locator("#ma-ho-so").InnerTextAsync()).Trim());
    }
}
