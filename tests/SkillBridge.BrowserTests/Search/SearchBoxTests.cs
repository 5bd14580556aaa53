using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Search;

[Collection(SiteInBrowser.Name)]
public sealed class SearchBoxTests(BrowserFixture site)
{
    [Fact]
    public async Task HeaderBox_TypeThenPickASuggestionWithTheKeyboard_LandsOnTheModule()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/paths");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" });

        await box.PressSequentiallyAsync("passw", new() { Delay = 30 });
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#site-search-status")).ToContainTextAsync("suggestion");
        await box.PressAsync("ArrowDown");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "site-search-option-0");
        await box.PressAsync("Enter");

        await page.WaitForURLAsync("**/modules/use-a-password-manager");
    }

    [Fact]
    public async Task HeaderBox_Escape_ClosesTheSuggestions()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" });
        await box.PressSequentiallyAsync("linked", new() { Delay = 30 });
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");

        await box.PressAsync("Escape");

        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#site-search-suggestions")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task HeaderBox_EnterWithoutChoosing_OpensTheResultsPage()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" }).FillAsync("linkdin");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/search?q=linkdin");
        await Expect(page.Locator("#search-corrected")).ToContainTextAsync("Showing results for linkedin");
    }

    [Theory]
    [InlineData("/search?q=password", "normal.standard")]
    [InlineData("/search?q=password", "normal.high")]
    [InlineData("/search?q=linkdin&category=social-media", "normal.standard")]
    [InlineData("/search?q=nothing-matches-this-at-all", "normal.standard")]
    public async Task ResultsPage_HasNoSeriousOrCriticalViolations(string path, string display)
    {
        await using var session = await site.OpenAsync(cookies: BrowserFixture.DisplayCookie(display));
        var page = session.Page;
        await page.GotoAsync(path);

        var result = await page.RunAxe();
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }

    [Fact]
    public async Task HeaderBox_WithSuggestionsOpen_HasNoSeriousOrCriticalViolations()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" });
        await box.PressSequentiallyAsync("share", new() { Delay = 30 });
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await box.PressAsync("ArrowDown");

        var violations = AxeReport.SeriousOrCritical(await page.RunAxe());

        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }
}
