using System.Text;
using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>The flows a person does, in Chromium: find, submit with a file, track; receive, process, return; rate.</summary>
[Collection(PortalCollection.Name)]
public class CitizenAndOfficeFlowTests(PortalServer server)
{
    /// <summary>A one-page PDF, as text.</summary>
    public const string PdfText =
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 38 >>\nstream\nBT /F1 12 Tf 72 720 Td (To khai) Tj ET\nendstream\nendobj\nxref\n0 5\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n0000000202 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n290\n%%EOF\n";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(PdfText);

    [Fact]
    public async Task Citizen_FindsSubmitsTracks_OfficerProcesses_CitizenRates()
    {
        // 1. A citizen on a phone finds the procedure without typing diacritics.
        var citizen = await server.NewPageAsync(phone: true);
        await citizen.GotoAsync("/");
        await citizen.GetByLabel("Tên hoặc mã thủ tục").FillAsync("dang ky doanh nghiep tu nhan");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Đăng ký thành lập doanh nghiệp tư nhân" }).First.ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();

        // 2. Signing in brings them back to the form.
        await citizen.GetByLabel("Số điện thoại hoặc e-mail").FillAsync("citizen.demo");
        await citizen.GetByLabel("Mật khẩu").FillAsync("MotCua@2026");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await citizen.Locator("#f_enterpriseName").FillAsync("Doanh nghiệp tư nhân Mai Nông");
        await citizen.Locator("#f_headOffice").FillAsync("Số 12 Trần Đăng Ninh, phường Đông Kinh");
        await citizen.Locator("#f_businessLines").FillAsync("4711 | Bán lẻ lương thực, thực phẩm");
        await citizen.Locator("#f_investmentCapital").FillAsync("500000000");
        await citizen.Locator("#doc_0").SetInputFilesAsync(new FilePayload { Name = "giay-de-nghi.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(citizen.Locator("#doc_0-status")).ToContainTextAsync("giay-de-nghi.pdf");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
        await Assertions.Expect(citizen.GetByText("Hồ sơ đã được gửi")).ToBeVisibleAsync();
        var id = long.Parse(citizen.Url.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
        await citizen.GotoAsync($"/ho-so-cua-toi/{id}");
        await Assertions.Expect(citizen.GetByText("Mới đăng ký")).ToBeVisibleAsync();

        // 3. The one-stop office receives, forwards, the department assigns, handles, approves; the result is returned.
        await ProcessAsync(id);

        // 4. The citizen tracks it by code and the last 4 digits of the ID number, then rates it.
        await citizen.ReloadAsync();
        var code = (await citizen.Locator("dd").First.InnerTextAsync()).Trim();
        Assert.Matches(@"^000\.00\.02\.H39-\d{6}-\d{4}$", code);
        var tracker = await server.NewPageAsync(phone: true);
        await tracker.GotoAsync("/tra-cuu");
        await tracker.GetByLabel("Mã hồ sơ").FillAsync(code);
        await tracker.GetByLabel("4 số cuối số định danh hoặc số điện thoại người nộp").FillAsync("2345");
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(tracker.GetByText("Đã trả kết quả").First).ToBeVisibleAsync();

        await citizen.GetByLabel("Rất hài lòng").CheckAsync();
        await citizen.GetByLabel("Ý kiến (không bắt buộc)").FillAsync("Nhanh gọn, cán bộ nhiệt tình");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(citizen.GetByText("Bạn đã đánh giá:")).ToBeVisibleAsync();
    }

    /// <summary>The office part, in the browser, each officer in their own session.</summary>
    private async Task ProcessAsync(long id)
    {
        async Task<IPage> Officer(string user)
        {
            var page = await server.NewPageAsync();
            await page.GotoAsync("/office/dang-nhap");
            await page.GetByLabel("Tên đăng nhập").FillAsync(user);
            await page.GetByLabel("Mật khẩu").FillAsync("MotCua@2026");
            await page.GetByLabel("Mã xác thực").FillAsync(await OfficerCode.NextAsync(user));
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await page.GotoAsync($"/office/ho-so/{id}");
            return page;
        }
        async Task Click(IPage page, string button)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        var reception = await Officer("reception.demo");
        await Click(reception, "Tiếp nhận hồ sơ");
        await Assertions.Expect(reception.GetByText("Được tiếp nhận").First).ToBeVisibleAsync();
        await Click(reception, "Chuyển cơ quan giải quyết");
        await Assertions.Expect(reception.GetByText("Đang xử lý").First).ToBeVisibleAsync();

        var leader = await Officer("leader.demo");
        await leader.GetByLabel("Chuyên viên xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Hoàng Văn Minh – Chuyên viên Phòng Đăng ký kinh doanh" });
        await Click(leader, "Phân công");

        var handler = await Officer("handler.demo");
        await Click(handler, "Chuyển bước tiếp theo");

        await leader.GotoAsync($"/office/ho-so/{id}");
        await leader.GetByLabel("Số, ký hiệu văn bản kết quả").FillAsync("88/GCN-STC");
        await leader.GetByLabel("Người ký").FillAsync("Lương Thị Hoa");
        await leader.GetByLabel("Ngày ký").FillAsync("2026-11-20");
        await Click(leader, "Phê duyệt kết quả");
        await Assertions.Expect(leader.GetByText("Đã xử lý xong").First).ToBeVisibleAsync();

        await reception.GotoAsync($"/office/ho-so/{id}");
        await reception.GetByLabel("Hình thức trả").SelectOptionAsync("AtCounter");
        await reception.GetByLabel("Họ tên người nhận (trả tại quầy)").FillAsync("Nông Thị Mai");
        await Click(reception, "Trả kết quả");
        await Assertions.Expect(reception.GetByText("Đã trả kết quả").First).ToBeVisibleAsync();
    }
}
