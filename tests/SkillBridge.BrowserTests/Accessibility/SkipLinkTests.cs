using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Accessibility;

[Collection(SiteInBrowser.Name)]
public sealed class SkipLinkTests(BrowserFixture site)
{
    [Fact]
    public async Task Tab_FromTheTopOfTheCatalogue_ReachesTheSkipLinkFirst()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
    }

    [Fact]
    public async Task SkipLink_Activated_MovesFocusToMain()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }
}
