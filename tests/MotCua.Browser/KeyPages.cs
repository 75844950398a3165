using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>
/// The key pages of a dossier's life, walked in order as a citizen and an officer meet them: each one
/// a named step whose load action the caller wraps (to screenshot it, to weigh it).
/// </summary>
public static class KeyPages
{
    /// <summary>Called for each key page with its name and the action that loads it.</summary>
    public delegate Task Step(IPage page, string name, Func<Task> load);

    public static async Task WalkAsync(PortalServer server, bool phone, Step step, Func<IBrowserContext, Task>? prepare = null)
    {
        var citizen = await NewPageAsync(server, phone, prepare);
        await step(citizen, "portal-home", () => citizen.GotoAsync("/"));
        await step(citizen, "procedure", () => citizen.GotoAsync($"/thu-tuc/{People.Procedure}"));
        await People.CitizenSignInAsync(citizen);
        await step(citizen, "submit-form", () => citizen.GotoAsync($"/nop-ho-so/{People.Procedure}"));
        await step(citizen, "submit-errors", async () =>
        {
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
            await Assertions.Expect(citizen.Locator(".error-summary")).ToBeFocusedAsync();
        });
        await People.FillSubmitFormAsync(citizen);
        var code = "";
        long id = 0;
        await step(citizen, "confirmation", async () => (id, code) = await People.SendAsync(citizen));
        await step(citizen, "tracking", async () =>
        {
            await citizen.GotoAsync($"/tra-cuu?ma={Uri.EscapeDataString(code)}&kiemtra=2345");
            await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ " + code })).ToBeVisibleAsync();
        });

        var officer = await NewPageAsync(server, phone, prepare);
        await People.OfficerSignInAsync(officer, "leader.demo");
        await step(officer, "office-queue", () => officer.GotoAsync("/office/ho-so"));
        await step(officer, "office-dossier-preview", async () =>
        {
            await officer.GotoAsync($"/office/ho-so/{id}");
            await officer.GetByRole(AriaRole.Link, new() { Name = "Xem tệp giay-de-nghi.pdf" }).ClickAsync();
            await Assertions.Expect(officer.Locator("iframe.preview-frame")).ToBeVisibleAsync();
        });
        await step(officer, "office-766", () => officer.GotoAsync("/office/bao-cao/766"));
    }

    private static async Task<IPage> NewPageAsync(PortalServer server, bool phone, Func<IBrowserContext, Task>? prepare)
    {
        var page = await server.NewPageAsync(phone);
        if (!phone)
            await page.SetViewportSizeAsync(1280, 800);
        if (prepare is not null)
            await prepare(page.Context);
        return page;
    }
}
