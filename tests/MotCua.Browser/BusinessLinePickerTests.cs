using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>
/// On a phone the citizen finds a business line by typing words without diacritics, picks it from the
/// suggestions with the keyboard and with a tap, and the dossier is sent with the lines' codes and
/// official names; axe finds nothing on the form with the suggestions open.
/// </summary>
[Collection(PortalCollection.Name)]
public class BusinessLinePickerTests(PortalServer server)
{
    [Fact]
    public async Task Phone_TypeWords_PickFromSuggestions_AxeClean()
    {
        var page = await server.NewPageAsync(phone: true);
        await People.CitizenSignInAsync(page);
        await page.GotoAsync($"/nop-ho-so/{People.Procedure}");
        await page.Locator("#f_enterpriseName").FillAsync("Doanh nghiệp tư nhân Nà Sầm");
        await page.Locator("#f_headOffice").FillAsync("Số 5 Bà Triệu, phường Đông Kinh");
        await page.Locator("#f_investmentCapital").FillAsync("300000000");
        await People.AttachAsync(page);

        // Words without diacritics: the suggestions open as a listbox; arrow down and Enter choose the first.
        var first = page.GetByRole(AriaRole.Combobox, new() { Name = "Ngành thứ 1" });
        await first.PressSequentiallyAsync("nha hang");
        var options = page.Locator("#f_businessLines-options");
        await Assertions.Expect(options.GetByRole(AriaRole.Option).First).ToContainTextAsync("Nhà hàng và các dịch vụ ăn uống phục vụ lưu động");
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Empty(await Axe.ViolationsAsync(page, "business lines, suggestions open"));
        await first.PressAsync("ArrowDown");
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-activedescendant", "f_businessLines-options-0");
        await first.PressAsync("Enter");
        await Assertions.Expect(first).ToHaveValueAsync("5610 – Nhà hàng và các dịch vụ ăn uống phục vụ lưu động");
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-expanded", "false");

        // "Thêm ngành khác" adds an input here, with its own label, without a round trip; a tap on a suggestion fills it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ngành khác" }).ClickAsync();
        var second = page.GetByRole(AriaRole.Combobox, new() { Name = "Ngành thứ 2" });
        await Assertions.Expect(second).ToBeFocusedAsync();
        await second.PressSequentiallyAsync("giai khat");
        await page.GetByRole(AriaRole.Option, new() { Name = "5630 Dịch vụ phục vụ đồ uống" }).ClickAsync();
        await Assertions.Expect(second).ToHaveValueAsync("5630 – Dịch vụ phục vụ đồ uống");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ngành khác" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Ngành thứ 3" })).ToBeFocusedAsync();
        Assert.Empty(await Axe.ViolationsAsync(page, "business lines, three inputs"));

        var (id, _) = await People.SendAsync(page);
        var detail = await page.APIRequest.GetAsync($"/api/dossiers/{id}");
        var lines = (await detail.JsonAsync())!.Value.GetProperty("formData").GetProperty("businessLines");
        Assert.Equal(["5610", "5630"], lines.EnumerateArray().Select(l => l.GetProperty("vsicCode").GetString()!).ToArray());
        Assert.Equal("Dịch vụ phục vụ đồ uống", lines[1].GetProperty("lineName").GetString());

        // The lookup page the form links to, by words and by section.
        await page.GotoAsync("/nganh-kinh-te?q=ban%20le");
        await Assertions.Expect(page.GetByText("4711", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(page, "business lines lookup"));
        await page.GotoAsync("/nganh-kinh-te?nhom=I");
        await Assertions.Expect(page.GetByText("5610", new() { Exact = true })).ToBeVisibleAsync();
    }
}
