using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Catalogue;

[Collection(SiteInBrowser.Name)]
public sealed class CatalogueTests(BrowserFixture site)
{
    [Fact]
    public async Task FilterForm_CategoryChosenAndSubmitted_ShowsThatCategoryOnly()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await page.GetByLabel("Category").SelectOptionAsync("tools");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show modules" }).ClickAsync();

        await page.WaitForPageAsync(new Regex("[?&]category=tools(&|$)"));
        await Expect(page.Locator("#results-heading")).ToHaveTextAsync("8 modules");
    }

    [Fact]
    public async Task ModuleCard_TitleLinkClicked_OpensTheModulePage()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/?category=tools");

        await page.Locator(".card").GetByRole(AriaRole.Link, new() { Name = "Share one window in a video call" }).ClickAsync();

        await page.WaitForPageAsync("/modules/share-your-screen");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Share one window in a video call");
    }
}
