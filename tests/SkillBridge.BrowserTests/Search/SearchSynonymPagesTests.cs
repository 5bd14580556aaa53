using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Search;

/// <summary>The curators' synonym pages: added with the keyboard through labelled fields, axe in both themes, reflow at 320 px with 200% text.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class SearchSynonymPagesTests(BrowserFixture site)
{
    private static readonly string[] Scenes = ["/search/synonyms?searched=teems", "list with a synonym", "change form", "refused form", "/search/misses"];

    public static TheoryData<string, string> ScenesInBothThemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var display in new[] { "normal.standard", "normal.high" })
        {
            foreach (var scene in Scenes)
            {
                data.Add(scene, display);
            }
        }

        return data;
    }

    [Fact]
    public async Task AddForm_WithTheKeyboard_AddsTheSynonymToTheList()
    {
        await using var session = await site.OpenSignedInSharedAsync([Roles.Curator]);
        var page = session.Page;
        var searched = BrowserFixture.UniqueName("screenshare");
        await page.GotoAsync("/search/synonyms");

        await page.GetByLabel("What people search for").FocusAsync();
        await page.Keyboard.TypeAsync(searched);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("share your screen");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#page-message-text")).ToHaveTextAsync($"Added: people who search “{searched}” mean “share your screen”.");
        await Assertions.Expect(page.Locator($"#synonyms tr:has(th:text-is('{searched}')) td").First).ToHaveTextAsync("share your screen");
    }

    [Theory]
    [MemberData(nameof(ScenesInBothThemes))]
    public async Task Page_InTheme_HasNoSeriousOrCriticalViolations(string scene, string display)
    {
        await using var session = await site.OpenSignedInSharedAsync([Roles.Curator], cookies: BrowserFixture.DisplayCookie(display));
        await ShowAsync(session.Page, scene);

        var result = await session.Page.RunAxeAsync();

        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(session.Page.Url, violations));
    }

    [Theory]
    [MemberData(nameof(ScenesInBothThemes))]
    public async Task Page_At320PixelsWithText200Percent_DoesNotScrollSideways(string scene, string display)
    {
        await using var session = await site.OpenSignedInSharedAsync([Roles.Curator], new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, BrowserFixture.DisplayCookie(display));
        await ShowAsync(session.Page, scene);
        await session.Page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await session.Page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{scene} ({display}) at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    /// <summary>Opens the page; the other scenes first add a synonym through the form, as a curator would.</summary>
    private static async Task ShowAsync(IPage page, string scene)
    {
        if (scene.StartsWith('/'))
        {
            await page.GotoAsync(scene);
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            return;
        }

        var searched = BrowserFixture.UniqueName("linked in");
        await page.GotoAsync("/search/synonyms");
        await page.GetByLabel("What people search for").FillAsync(searched);
        await page.GetByLabel("What they mean").FillAsync(scene == "refused form" ? searched.ToUpperInvariant() : "linkedin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the synonym" }).ClickAsync();
        if (scene == "refused form")
        {
            await Assertions.Expect(page.Locator("#Meaning-error")).ToHaveTextAsync("What they mean must differ from what they search for.");
            return;
        }

        await Assertions.Expect(page.Locator("#page-message-text")).ToBeVisibleAsync();
        if (scene == "change form")
        {
            await page.Locator($"#synonyms tr:has(th:text-is('{searched}')) a").ClickAsync();
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Change a search synonym");
        }
    }
}
