using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>
/// The online submission done with the keyboard alone (Tab, Shift+Tab, Enter, Space and typing), from
/// the procedure page through sign-in, the form, a file, a validation error and its fix, to the
/// confirmation with the dossier code. Every stop the Tab key reaches shows where the focus is (WCAG 2.4.7).
/// </summary>
[Collection(PortalCollection.Name)]
public class KeyboardSubmissionTests(PortalServer server)
{
    private readonly List<string> _invisibleFocus = [];

    [Fact]
    public async Task SubmitFlow_CompletesWithTheKeyboardOnly_ErrorSummaryTakesVisibleFocus()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/thu-tuc/{People.Procedure}");
        await TabToAsync(page, "a[href='/nop-ho-so/2.001610']");
        await page.Keyboard.PressAsync("Enter");

        // Sign-in (the return address brings the citizen back to the form).
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap", StringComparison.Ordinal));
        await TabToAsync(page, "#userName");
        await page.Keyboard.TypeAsync("citizen.demo");
        await TabToAsync(page, "#password");
        await page.Keyboard.TypeAsync(People.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/nop-ho-so/", StringComparison.Ordinal));

        // The form, with the enterprise name left empty; the file chosen from the file input with Space.
        await TabToAsync(page, "#f_headOffice");
        await page.Keyboard.TypeAsync("Số 12 Trần Đăng Ninh, phường Đông Kinh");
        await TabToAsync(page, "#f_businessLines");
        await page.Keyboard.TypeAsync("4711 | Bán lẻ lương thực, thực phẩm");
        await TabToAsync(page, "#f_investmentCapital");
        await page.Keyboard.TypeAsync("500000000");
        await TabToAsync(page, "#doc_0");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(new FilePayload { Name = "giay-de-nghi.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes(CitizenAndOfficeFlowTests.PdfText) });
        await Assertions.Expect(page.Locator("#doc_0-status")).ToContainTextAsync("giay-de-nghi.pdf");
        await TabToAsync(page, "button[value=submit]");
        await page.Keyboard.PressAsync("Enter");

        // The error summary has the focus, and it shows.
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        Assert.True(await HasVisibleFocusAsync(page), "the focused error summary shows no focus indicator");
        await Assertions.Expect(page.Locator("#doc_0-status")).ToContainTextAsync("giay-de-nghi.pdf");

        // Its link leads to the field; the field is fixed and the form sent again.
        await TabToAsync(page, ".error-summary a[href='#f_enterpriseName']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#f_enterpriseName")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#f_enterpriseName")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Keyboard.TypeAsync("Doanh nghiệp tư nhân Mai Nông");
        // Back up one stop and forward again, as a person checking what they typed.
        await page.Keyboard.PressAsync("Shift+Tab");
        await TabToAsync(page, "#f_enterpriseName");
        await Assertions.Expect(page.Locator("#f_enterpriseName")).ToHaveValueAsync("Doanh nghiệp tư nhân Mai Nông");
        await TabToAsync(page, "button[value=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ đã được gửi" })).ToBeVisibleAsync();
        Assert.Matches(@"^000\.00\.02\.H39-\d{6}-\d{4}$", (await page.Locator("#ma-ho-so").InnerTextAsync()).Trim());
        Assert.True(_invisibleFocus.Count == 0, "focus not visible on: " + string.Join(", ", _invisibleFocus.Distinct()));
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus, checking each stop shows its focus.</summary>
    private async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var at = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 120) : ''; }");
            if (!await HasVisibleFocusAsync(page))
                _invisibleFocus.Add(at);
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
                return;
        }
        throw new InvalidOperationException($"Tab never reached {selector}.");
    }

    /// <summary>The focused element draws an outline or a box shadow (the site's focus styles), or is the page itself.</summary>
    private static Task<bool> HasVisibleFocusAsync(IPage page) => page.EvaluateAsync<bool>(@"() => {
        const e = document.activeElement;
        if (!e || e === document.body) return true;
        const s = getComputedStyle(e);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    }");
}
