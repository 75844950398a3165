using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>
/// The office in Chromium: an officer previews the documents of a dossier inside the page (the PDF
/// in a frame, the photo as an image, both drawn under their own policy) and reads a long report
/// whose header row stays in view while its rows scroll.
/// </summary>
[Collection(PortalCollection.Name)]
public class OfficeDocumentsTests(PortalServer server)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Officer_PreviewsPdfAndPhotoInsideThePage_AndReadsReport06aWithAStickyHeader()
    {
        var id = await SubmitDossierAsync();
        var page = await server.NewPageAsync();
        await page.GotoAsync("/office/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("leader.demo");
        await page.GetByLabel("Mật khẩu").FillAsync("MotCua@2026");
        await page.GetByLabel("Mã xác thực").FillAsync(await OfficerCode.NextAsync("leader.demo"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator(".officer-name")).ToHaveTextAsync("Lương Thị Hoa");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();

        await page.GotoAsync($"/office/ho-so/{id}");
        await Assertions.Expect(page.GetByText("Đã có 1/1 giấy tờ bắt buộc.")).ToBeVisibleAsync();
        var pdfResponse = page.WaitForResponseAsync(r => r.Url.EndsWith("/preview", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem tệp giay-de-nghi.pdf" }).ClickAsync();
        var framed = await pdfResponse;
        Assert.Equal(200, framed.Status);
        Assert.Equal("application/pdf", framed.Headers["content-type"]);
        var frame = page.Locator("iframe.preview-frame");
        await Assertions.Expect(frame).ToBeVisibleAsync();
        var box = await frame.BoundingBoxAsync();
        Assert.True(box is { Width: > 600, Height: > 400 }, "the PDF fills the page");
        // The frame holds the document itself, not a refusal to be framed.
        Assert.Contains(page.Frames, f => f.Url.Contains($"/api/dossiers/{id}/files/", StringComparison.Ordinal) && f.Url.EndsWith("/preview", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "Tệp sau ›" }).ClickAsync();
        var photo = page.Locator("img.preview-image");
        await Assertions.Expect(photo).ToBeVisibleAsync();
        await Assertions.Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(1, await photo.EvaluateAsync<int>("img => img.naturalWidth"));

        await page.GotoAsync("/office/bao-cao/06a?from=2025-07-01&to=2026-12-31");
        // The longest table (its group unfolded): the one a reader scrolls.
        await page.EvaluateAsync(@"() => {
            document.querySelectorAll('details.report-group-rows').forEach(d => d.open = true);
            const longest = [...document.querySelectorAll('.report-scroll')].sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
            longest.setAttribute('data-longest', '');
        }");
        var scroller = page.Locator(".report-scroll[data-longest]");
        Assert.True(await scroller.EvaluateAsync<bool>("el => el.scrollHeight > el.clientHeight + 200"), "the table is taller than its frame");
        var header = scroller.Locator("thead th").Nth(2);
        var before = (await header.BoundingBoxAsync())!.Y;
        var firstRow = scroller.Locator("tbody tr").First;
        var rowBefore = (await firstRow.BoundingBoxAsync())!.Y;
        await scroller.EvaluateAsync("el => { el.scrollTop = 200; }");
        Assert.Equal(200, await scroller.EvaluateAsync<int>("el => Math.round(el.scrollTop)"));
        var after = (await header.BoundingBoxAsync())!.Y;
        Assert.True(Math.Abs(after - before) < 1, $"the header row stays in view ({before} → {after})");
        Assert.True(Math.Abs((await firstRow.BoundingBoxAsync())!.Y - (rowBefore - 200)) < 1, "the rows scrolled under it");
    }

    /// <summary>A citizen's dossier sent through the API: the request form (PDF, required) and an ID photo (PNG, optional).</summary>
    private async Task<long> SubmitDossierAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var phone = "097" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signUp = await http.PostAsJsonAsync("/api/accounts", new
        {
            phone,
            email = $"{phone}@example.com",
            password = "MatKhau2026!",
            fullName = "Hoàng Văn Thử",
            personalId = "020195" + phone[^6..],
            birthDate = "1995-02-03",
            provinceCode = "20",
            communeCode = "06112",
            address = "Thôn Pác Khuông",
        });
        Assert.True(signUp.IsSuccessStatusCode, await signUp.Content.ReadAsStringAsync());
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { userName = phone, password = "MatKhau2026!" })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var @case = (await http.GetFromJsonAsync<JsonElement>("/api/catalog/procedures/2.001610")).GetProperty("definition").GetProperty("cases")[0];
        var formData = new Dictionary<string, object>();
        foreach (var field in @case.GetProperty("formFields").EnumerateArray().Where(f => f.GetProperty("required").GetBoolean()))
            formData[field.GetProperty("key").GetString()!] = field.GetProperty("type").GetString() switch
            {
                "Number" => 500_000_000,
                "Date" => "2026-01-15",
                "Choice" => field.GetProperty("options")[0].GetString()!,
                "YesNo" => true,
                "Rows" => new[] { field.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => (object)(c.GetProperty("type").GetString() == "Number" ? 1 : "4711")) },
                _ => "Doanh nghiệp tư nhân Mai Nông",
            };
        var pdf = await UploadAsync(http, Encoding.ASCII.GetBytes(CitizenAndOfficeFlowTests.PdfText), "giay-de-nghi.pdf");
        var png = await UploadAsync(http, Png, "cccd.png");
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers")
        {
            Content = JsonContent.Create(new { procedureCode = "2.001610", caseCode = @case.GetProperty("code").GetString(), formData, documents = new[] { new { index = 0, fileId = pdf }, new { index = 1, fileId = png } } }),
        };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await http.SendAsync(submit);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<long> UploadAsync(HttpClient http, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        var response = await http.PostAsync("/api/files", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
