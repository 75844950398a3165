using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>The flows a person does, in Chromium: find, submit with a file, track; receive, process, return; rate.</summary>
[Collection(PortalCollection.Name)]
public class CitizenAndOfficeFlowTests(PortalServer server)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

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
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
        await Assertions.Expect(citizen.GetByText("Hồ sơ đã được gửi")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByText("Mới đăng ký")).ToBeVisibleAsync();
        var id = long.Parse(citizen.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>The office part, through the API as the same officers would (the office pages get their own browser test).</summary>
    private async Task ProcessAsync(long id)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        async Task<HttpClient> As(string user)
        {
            var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "MotCua@2026" });
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
        async Task Act(HttpClient client, string action, object body)
        {
            var response = await client.PostAsJsonAsync($"/api/dossiers/{id}/{action}", body);
            Assert.True(response.IsSuccessStatusCode, $"{action}: {await response.Content.ReadAsStringAsync()}");
        }
        using var reception = await As("reception.demo");
        using var leader = await As("leader.demo");
        using var handler = await As("handler.demo");
        var handlerId = await HandlerIdAsync(leader);
        await Act(reception, "accept", new { });
        await Act(reception, "forward", new { note = "Chuyển Sở Tài chính" });
        await Act(leader, "assign", new { userId = handlerId });
        await Act(handler, "transfer", new { note = "Trình ký" });
        await Act(leader, "approve", new { resultNumber = "88/GCN-STC", signer = "Lương Thị Hoa", resultDate = "2026-11-20" });
        await Act(reception, "return", new { method = "AtCounter", receivedBy = "Nông Thị Mai" });
    }

    private static async Task<long> HandlerIdAsync(HttpClient leader)
    {
        var page = await leader.GetFromJsonAsync<JsonElement>("/api/officers?role=Handler");
        return page.EnumerateArray().First(o => o.GetProperty("userName").GetString() == "handler.demo").GetProperty("id").GetInt64();
    }
}
