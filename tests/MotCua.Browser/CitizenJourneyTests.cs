using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MotCua.Browser;

/// <summary>
/// The whole life of a dossier as people live it, with axe-core (WCAG 2.1 A/AA) on every page they
/// see. A new citizen on a 390×844 phone goes from the home page to a procedure, signs in with VNeID
/// (the simulator's provider) and is brought back to the form, sends it once with an error (the
/// summary takes the focus, the attached file stays), fixes it, attaches two files, sends, reads the
/// confirmation with the code and what happens next, and tracks the dossier by the code typed in
/// lower case. Officers at a desk preview the documents inside the page, accept the dossier, process
/// it to the end and return the result; the citizen sees the result and rates it.
/// </summary>
[Collection(PortalCollection.Name)]
public class CitizenJourneyTests(PortalServer server, ITestOutputHelper output)
{
    // A citizen of the simulated population database without a MotCua account (no other test signs in as her).
    private const string Identity = "Hoàng Thị Cư — 020188000102";
    private const string CitizenName = "Hoàng Thị Cư";
    private const string IdLastDigits = "0102";
    private const string ProcedureName = "Đăng ký thành lập doanh nghiệp tư nhân";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(CitizenAndOfficeFlowTests.PdfText);
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private readonly List<string> _violations = [];
    private int _pages;

    [Fact]
    public async Task NewCitizenOnAPhone_FromHomeThroughVneidToARatedResult_OfficerPreviewsAcceptsReturns_AxeCleanOnEveryPage()
    {
        var citizen = await server.NewPageAsync(phone: true);
        var (id, code) = await CitizenSubmitsAsync(citizen);
        await CitizenTracksAsync(citizen, code);
        await OfficeProcessesAsync(id, code);
        await CitizenRatesAsync(citizen, id, code);

        output.WriteLine($"axe ran on {_pages} pages");
        Assert.True(_violations.Count == 0, "axe found WCAG 2.1 A/AA violations:\n" + string.Join("\n", _violations));
    }

    private async Task<(long Id, string Code)> CitizenSubmitsAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tra cứu và thực hiện thủ tục hành chính" })).ToBeVisibleAsync();
        await SeenAsync(page, "home");
        await page.GetByLabel("Tên hoặc mã thủ tục").FillAsync("dang ky doanh nghiep tu nhan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        var found = page.GetByRole(AriaRole.Link, new() { Name = ProcedureName, Exact = true }).First;
        await Expect(found).ToBeVisibleAsync();
        await SeenAsync(page, "search results");

        await found.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ProcedureName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Giấy đề nghị đăng ký doanh nghiệp tư nhân" })).ToBeVisibleAsync();
        await SeenAsync(page, "procedure");

        // Sending needs an account: the sign-in page offers VNeID, which brings her back to the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dang-nhap");
        await SeenAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng VNeID" }).ClickAsync();
        await page.WaitForURLAsync(server.SimulatorUrl + "/vneid/**");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập VNeID" })).ToBeVisibleAsync();
        await SeenAsync(page, "VNeID sign-in (simulated provider)");
        await page.GetByRole(AriaRole.Button, new() { Name = Identity }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/nop-ho-so/" + People.Procedure);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nộp hồ sơ: " + ProcedureName })).ToBeVisibleAsync();
        await Expect(page.Locator("#nguoi-nop")).ToContainTextAsync(CitizenName);
        await SeenAsync(page, "submission form");

        // First try: the enterprise name forgotten, the request form attached.
        await page.GetByLabel("Địa chỉ trụ sở chính").FillAsync("Số 12 Trần Đăng Ninh, phường Đông Kinh");
        await page.Locator("#f_businessLines").FillAsync("4711 | Bán lẻ lương thực, thực phẩm");
        await page.GetByLabel("Vốn đầu tư của chủ doanh nghiệp (đồng)").FillAsync("500000000");
        await AttachAsync(page, 0, "giay-de-nghi.pdf", "application/pdf", Pdf);
        await Expect(page.Locator("#doc_1-status")).ToHaveTextAsync("Chưa có tệp đính kèm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Hồ sơ chưa được gửi. Có 1 lỗi cần sửa:");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync("Vui lòng nhập \"Tên doanh nghiệp viết bằng tiếng Việt\".");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Lỗi: Nộp hồ sơ trực tuyến"));
        await Expect(page.Locator("#doc_0-status .file-name")).ToHaveTextAsync("giay-de-nghi.pdf");
        await Expect(page.GetByLabel("Địa chỉ trụ sở chính")).ToHaveValueAsync("Số 12 Trần Đăng Ninh, phường Đông Kinh");
        await SeenAsync(page, "submission form with its error summary");

        // The summary's link leads to the field; fixed, a second file attached, sent.
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        var name = page.Locator("#f_enterpriseName");
        await Expect(name).ToBeFocusedAsync();
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await name.FillAsync("Doanh nghiệp tư nhân Hoàng Cư");
        await AttachAsync(page, 1, "cccd.png", "image/png", Png);
        await Expect(page.Locator("#doc_0-status .file-name")).ToHaveTextAsync("giay-de-nghi.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();

        // The confirmation panel: the code at once, when to expect the result, what happens next.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ đã được gửi" })).ToBeVisibleAsync();
        var code = (await page.Locator("#ma-ho-so").InnerTextAsync()).Trim();
        Assert.Matches(@"^000\.00\.02\.H39-\d{6}-\d{4}$", code);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(ProcedureName);
        await Expect(page.Locator("dl.facts dd").Nth(3)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2} \d{2}/\d{2}/\d{4}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Việc tiếp theo" })).ToBeVisibleAsync();
        await Expect(page.Locator("ol.steps li")).ToHaveCountAsync(3);
        await SeenAsync(page, "confirmation");
        return (long.Parse(page.Url.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture), code);
    }

    private async Task CitizenTracksAsync(IPage page, string code)
    {
        await page.GotoAsync("/tra-cuu");
        await SeenAsync(page, "tracking form");
        await page.GetByLabel("Mã hồ sơ").FillAsync(code.ToLowerInvariant());
        await page.GetByLabel("4 số cuối số định danh hoặc số điện thoại người nộp").FillAsync(IdLastDigits);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ " + code })).ToBeVisibleAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Mới đăng ký");
        await SeenAsync(page, "tracking result");
    }

    private async Task OfficeProcessesAsync(long id, string code)
    {
        var reception = await OfficerAsync("reception.demo");
        // The officer finds it by its code in the queue.
        await reception.GotoAsync("/office/ho-so");
        await reception.GetByLabel("Mã hồ sơ hoặc tên người nộp").FillAsync(code);
        await reception.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        var row = reception.GetByRole(AriaRole.Link, new() { Name = code });
        await Expect(row).ToBeVisibleAsync();
        await SeenAsync(reception, "office queue, searched by code");
        await row.ClickAsync();
        await Expect(reception.Locator(".dossier-head .code")).ToHaveTextAsync(code);
        await Expect(reception.Locator(".dossier-head .status")).ToHaveTextAsync("Mới đăng ký");
        await Expect(reception.Locator(".checklist-summary")).ToHaveTextAsync("Đã có 1/1 giấy tờ bắt buộc.");
        await SeenAsync(reception, "office dossier");

        // Both documents previewed inside the page: the PDF in a frame, the photo as an image.
        await reception.GetByRole(AriaRole.Link, new() { Name = "Xem tệp giay-de-nghi.pdf" }).ClickAsync();
        await Expect(reception.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Giấy đề nghị đăng ký doanh nghiệp tư nhân: giay-de-nghi.pdf");
        await Expect(reception.Locator("iframe.preview-frame")).ToBeVisibleAsync();
        await SeenAsync(reception, "PDF preview");
        await reception.GetByRole(AriaRole.Link, new() { Name = "Tệp sau ›" }).ClickAsync();
        var photo = reception.Locator("img.preview-image");
        await Expect(photo).ToBeVisibleAsync();
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(1, await photo.EvaluateAsync<int>("img => img.naturalWidth"));
        await SeenAsync(reception, "image preview");
        await reception.GetByRole(AriaRole.Link, new() { Name = "Về hồ sơ" }).ClickAsync();

        // Accepting keeps the code the citizen was given at submission.
        await ActAsync(reception, "Tiếp nhận hồ sơ", $"Đã tiếp nhận hồ sơ, mã hồ sơ {code}.", "Được tiếp nhận");
        await Expect(reception.Locator(".dossier-head .code")).ToHaveTextAsync(code);
        await ActAsync(reception, "Chuyển cơ quan giải quyết", "Đã thực hiện: Chuyển xử lý.", "Đang xử lý");

        var leader = await OfficerAsync("leader.demo");
        await leader.GotoAsync($"/office/ho-so/{id}");
        await SeenAsync(leader, "dossier to assign");
        await leader.GetByLabel("Chuyên viên xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Hoàng Văn Minh – Chuyên viên Phòng Đăng ký kinh doanh" });
        await ActAsync(leader, "Phân công", "Đã thực hiện: Phân công.", "Đang xử lý");

        var handler = await OfficerAsync("handler.demo");
        await handler.GotoAsync($"/office/ho-so/{id}");
        await SeenAsync(handler, "dossier to handle");
        await ActAsync(handler, "Chuyển bước tiếp theo", "Đã thực hiện: Chuyển tiếp.", "Đang xử lý");

        await leader.GotoAsync($"/office/ho-so/{id}");
        await SeenAsync(leader, "dossier to approve");
        await leader.GetByLabel("Số, ký hiệu văn bản kết quả").FillAsync("88/GCN-STC");
        await leader.GetByLabel("Người ký").FillAsync("Lương Thị Hoa");
        await leader.GetByLabel("Ngày ký").FillAsync("2026-11-20");
        await ActAsync(leader, "Phê duyệt kết quả", "Đã thực hiện: Phê duyệt kết quả.", "Đã xử lý xong");

        await reception.GotoAsync($"/office/ho-so/{id}");
        await SeenAsync(reception, "dossier to return");
        await reception.GetByLabel("Hình thức trả").SelectOptionAsync("Online");
        await ActAsync(reception, "Trả kết quả", "Đã thực hiện: Trả kết quả.", "Đã trả kết quả");
    }

    private async Task CitizenRatesAsync(IPage page, long id, string code)
    {
        await page.GotoAsync("/ho-so-cua-toi");
        var card = page.Locator(".dossier-cards li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = code }) });
        await Expect(card).ToContainTextAsync("Đã trả kết quả");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Hồ sơ của tôi scrolls sideways at 390 px");
        await SeenAsync(page, "my dossiers");

        await card.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + $"/ho-so-cua-toi/{id}");
        var facts = page.Locator("dl.facts");
        await Expect(facts).ToContainTextAsync("Đã trả kết quả");
        await Expect(facts).ToContainTextAsync("88/GCN-STC, người ký Lương Thị Hoa");
        var result = page.GetByRole(AriaRole.Link, new() { Name = "Kết quả giải quyết (PDF)" });
        await Expect(result).ToBeVisibleAsync();
        var pdf = await page.Context.APIRequest.GetAsync((await result.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        await SeenAsync(page, "my dossier with its result");

        await page.GetByLabel("Rất hài lòng").CheckAsync();
        await page.GetByLabel("Ý kiến (không bắt buộc)").FillAsync("Nộp trên điện thoại, không phải đi lại");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Expect(page.GetByText("Bạn đã đánh giá:")).ToContainTextAsync("Rất hài lòng");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" })).ToHaveCountAsync(0);
        await SeenAsync(page, "my dossier rated");
    }

    /// <summary>An officer at a desk signs in (the sign-in page and the office home checked too).</summary>
    private async Task<IPage> OfficerAsync(string user)
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/office/dang-nhap");
        await SeenAsync(page, $"office sign-in ({user})");
        await page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await page.GetByLabel("Mật khẩu").FillAsync(People.Password);
        await page.GetByLabel("Mã xác thực").FillAsync(await OfficerCode.NextAsync(user));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        await Expect(page.Locator(".officer-name")).Not.ToBeEmptyAsync();
        await SeenAsync(page, $"office home ({user})");
        return page;
    }

    /// <summary>Presses an action's button on the dossier page; the page comes back saying what was done, in the status it leads to.</summary>
    private async Task ActAsync(IPage page, string button, string message, string status)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.Locator(".notice[role=status] p").First).ToHaveTextAsync(message);
        await Expect(page.Locator(".dossier-head .status")).ToHaveTextAsync(status);
        await Expect(page.Locator("div.alert[role=alert]")).ToHaveCountAsync(0);
        await SeenAsync(page, $"dossier after “{button}”");
    }

    private static async Task AttachAsync(IPage page, int index, string name, string type, byte[] content)
    {
        await page.Locator($"#doc_{index}").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });
        var status = page.Locator($"#doc_{index}-status");
        await Expect(status.Locator(".file-name")).ToHaveTextAsync(name);
        await Expect(status.GetByRole(AriaRole.Button, new() { Name = "Gỡ tệp" })).ToBeVisibleAsync();
    }

    private async Task SeenAsync(IPage page, string what)
    {
        _pages++;
        _violations.AddRange(await Axe.ViolationsAsync(page, what));
    }
}
