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
        await page.GotoReadyAsync("/paths", Enhancement.Search);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" });

        await box.PressSequentiallyAsync("passw", new() { Delay = 30 });
        await ExpectSuggestionsForAsync(page, "passw");
        await Expect(page.Locator("#site-search-status")).ToContainTextAsync("suggestion");
        await box.PressAsync("ArrowDown");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "site-search-option-0");
        await box.PressAsync("Enter");

        await page.WaitForPageAsync("/modules/use-a-password-manager");
    }

    [Fact]
    public async Task HeaderBox_Escape_ClosesTheSuggestions()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync("/", Enhancement.Search);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" });
        await box.PressSequentiallyAsync("linked", new() { Delay = 30 });
        await ExpectSuggestionsForAsync(page, "linked");

        await box.PressAsync("Escape");

        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#site-search-suggestions")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task HeaderBox_EnterWithoutChoosing_OpensTheResultsPage()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync("/", Enhancement.Search);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" }).FillAsync("linkdin");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForPageAsync("/search?q=linkdin");
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

        var result = await page.RunAxeAsync();
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }

    [Fact]
    public async Task HeaderBox_WithSuggestionsOpen_HasNoSeriousOrCriticalViolations()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync("/", Enhancement.Search);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" });
        await box.PressSequentiallyAsync("share", new() { Delay = 30 });
        await ExpectSuggestionsForAsync(page, "share");
        await box.PressAsync("ArrowDown");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "site-search-option-0");

        var violations = AxeReport.SeriousOrCritical(await page.RunAxeAsync());

        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }

    /// <summary>
    /// Waits until the open list holds the suggestions for the whole of <paramref name="typed"/>. While typing goes on, the
    /// reply for an earlier, shorter text can open the list first; the last reply then rebuilds it and drops a highlighted
    /// option, so a key pressed in between acts on a list that is about to go.
    /// </summary>
    private static async Task ExpectSuggestionsForAsync(IPage page, string typed)
    {
        await Expect(page.Locator("#site-search-suggestions")).ToHaveAttributeAsync("data-suggestions-for", typed);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Search modules" })).ToHaveAttributeAsync("aria-expanded", "true");
    }
}
