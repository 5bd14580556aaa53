using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.People;

[Collection(SiteInBrowser.Name)]
public sealed class AuthorLinkTests(BrowserFixture site)
{
    [Fact]
    public async Task AuthorLink_OnTheModulePage_OpensTheAuthorsProfile()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/modules/share-your-screen");

        await page.Locator("aside").GetByRole(AriaRole.Link, new() { Name = "Priya Shah" }).ClickAsync();

        await page.WaitForPageAsync("/people/priya.shah");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Priya Shah");
    }
}
