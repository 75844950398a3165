using System.Text;
using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>
/// The citizen's submission on a 390 px phone, as people meet it: a validation error with the
/// error summary focused and the file kept, a progress bar while the file uploads, the confirmation
/// panel with the code, "Hồ sơ của tôi" as cards that fit, tracking with the code typed loosely,
/// and procedure search with its filters folded away and a helpful page when nothing matches.
/// </summary>
[Collection(PortalCollection.Name)]
public class PortalSubmissionTests(PortalServer server)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 38 >>\nstream\nBT /F1 12 Tf 72 720 Td (To khai) Tj ET\nendstream\nendobj\nxref\n0 5\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n0000000202 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n290\n%%EOF\n");

    [Fact]
    public async Task Phone_ValidationErrorKeepsTheFile_ConfirmationShowsTheCode_CardsFit_TrackingIsTolerant()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.GotoAsync("/nop-ho-so/2.001610");
        await page.GetByLabel("Số điện thoại hoặc e-mail").FillAsync("citizen.demo");
        await page.GetByLabel("Mật khẩu").FillAsync("MotCua@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        // The file uploads at once with a progress bar (the upload is held so the bar can be seen).
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/files", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.Locator("#doc_0").SetInputFilesAsync(new FilePayload { Name = "giay-de-nghi.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(page.Locator("#doc_0-progress")).ToBeVisibleAsync();
        release.SetResult();
        await Assertions.Expect(page.Locator("#doc_0-status")).ToContainTextAsync("giay-de-nghi.pdf");
        await Assertions.Expect(page.Locator("#doc_0-status").GetByRole(AriaRole.Button, new() { Name = "Gỡ tệp" })).ToBeVisibleAsync();

        // Submitting with the form empty: the error summary has the focus and links to the field; the file is still there.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#doc_0-status")).ToContainTextAsync("giay-de-nghi.pdf");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("#f_enterpriseName")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Locator("#f_enterpriseName").FillAsync("Doanh nghiệp tư nhân Mai Nông");
        await page.Locator("#f_headOffice").FillAsync("Số 12 Trần Đăng Ninh, phường Đông Kinh");
        await page.Locator("#f_businessLines").FillAsync("4711 | Bán lẻ lương thực, thực phẩm");
        await page.Locator("#f_investmentCapital").FillAsync("500000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();

        // The confirmation panel with the code, what happens next and by when.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ đã được gửi" })).ToBeVisibleAsync();
        var code = (await page.Locator("#ma-ho-so").InnerTextAsync()).Trim();
        Assert.Matches(@"^000\.00\.02\.H39-\d{6}-\d{4}$", code);
        await Assertions.Expect(page.GetByText("Việc tiếp theo")).ToBeVisibleAsync();

        // "Hồ sơ của tôi" fits the phone: no side scrolling, the new dossier's card is there.
        await page.GotoAsync("/ho-so-cua-toi");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Hồ sơ của tôi scrolls sideways at 390 px");

        // Tracking accepts the code in lower case with spaces, as typed on a phone.
        var tracker = await server.NewPageAsync(phone: true);
        await tracker.GotoAsync("/tra-cuu");
        await tracker.GetByLabel("Mã hồ sơ").FillAsync(" " + code.ToLowerInvariant().Replace("-", " - ", StringComparison.Ordinal));
        await tracker.GetByLabel("4 số cuối số định danh hoặc số điện thoại người nộp").FillAsync("2345");
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(tracker.GetByText("Mới đăng ký").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Phone_ProcedureSearch_ResultsAboveTheFold_NoResultsSuggestsWhatToTry()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.GotoAsync("/thu-tuc?q=doanh+nghiep");
        var first = page.Locator(".results li a").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        var box = await first.BoundingBoxAsync();
        Assert.True(box is not null && box.Y + box.Height < 844, $"first result at {box?.Y} px, below the fold");
        await Assertions.Expect(page.GetByLabel("Lĩnh vực")).ToBeHiddenAsync();
        await page.GetByText("Bộ lọc").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Lĩnh vực")).ToBeVisibleAsync();

        await page.GotoAsync("/thu-tuc?q=xyzkhongcothutuc&level=Commune");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không tìm thấy thủ tục phù hợp với “xyzkhongcothutuc”" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "bỏ các bộ lọc và tìm lại" }).ClickAsync();
        Assert.EndsWith("/thu-tuc?q=xyzkhongcothutuc", page.Url, StringComparison.Ordinal);
    }
}
