using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Paths;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Paths;

/// <summary>A curator builds a path with the keyboard only; the builder's pages pass axe and reflow at 320 px with 200% text.</summary>
[Collection(SiteInBrowser.Name)]
public sealed partial class PathBuilderBrowserTests(BrowserFixture site)
{
    public static TheoryData<string, string> PagesInThemes => new()
    {
        { "/paths/manage", "normal.standard" },
        { "/paths/manage", "normal.high" },
        { "/paths/new", "normal.standard" },
        { "/paths/new", "normal.high" },
        { "edit", "normal.standard" },
        { "edit", "normal.high" },
    };

    [Fact]
    public async Task Curator_BuildsAndPublishesAPath_WithTheKeyboardOnly()
    {
        await using var session = await site.OpenSignedInSharedAsync([Roles.Curator]);
        var page = session.Page;
        var title = "Safer every day " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/paths/new");

        await page.Locator("#Title").FocusAsync();
        await page.Keyboard.TypeAsync(title);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Two habits that stop most attacks.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create path" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(EditPage(), Enhancement.PathPicker);
        var slug = new Uri(page.Url).AbsolutePath.Split('/')[2];

        await AddWithPickerAsync(page, "phishing", "Spot a phishing message");
        await AddWithPickerAsync(page, "password manager", "Use a password manager");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move up Use a password manager" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#page-message-text")).ToHaveTextAsync("Module moved up.");
        await Expect(page.Locator("#path-builder-modules > li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#path-builder-modules > li").First).ToHaveAttributeAsync("data-module", "use-a-password-manager");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish path" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Published as revision 1");

        await page.GotoAsync($"/paths/{slug}");
        await Expect(page.Locator(".path-modules h2 a")).ToHaveTextAsync(["Use a password manager", "Spot a phishing message"]);
    }

    [Fact]
    public async Task DraggingAModule_WithJavaScript_SavesTheNewOrder()
    {
        var slug = await CreatePathAsync();
        await using var session = await site.OpenSignedInSharedAsync([Roles.Curator]);
        var page = session.Page;
        await page.GotoReadyAsync($"/paths/{slug}/edit", Enhancement.PathDrag);
        var modules = page.Locator("#path-builder-modules > li");
        await Expect(modules).ToHaveCountAsync(3);

        await modules.Nth(2).DragToAsync(modules.Nth(0), new() { TargetPosition = new() { X = 10, Y = 2 } });

        await Expect(page.Locator("#page-message-text")).ToHaveTextAsync("New order saved.");
        await Expect(page.Locator("#path-builder-modules > li")).ToHaveCountAsync(3);
        Assert.Equal(["passkeys-and-two-step-sign-in", "spot-a-phishing-message", "use-a-password-manager"],
            await page.Locator("#path-builder-modules > li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.module)"));
    }

    [Theory]
    [MemberData(nameof(PagesInThemes))]
    public async Task BuilderPage_InTheme_HasNoSeriousOrCriticalViolations(string path, string display)
    {
        var url = path == "edit" ? $"/paths/{await CreatePathAsync()}/edit?q=teams" : path;
        await using var session = await site.OpenSignedInSharedAsync([Roles.Curator], cookies: BrowserFixture.DisplayCookie(display));
        await session.Page.GotoAsync(url);
        await Expect(session.Page.Locator("link[href='/themes/high-contrast/theme.css']")).ToHaveCountAsync(display.EndsWith(".high", StringComparison.Ordinal) ? 1 : 0);

        var result = await session.Page.RunAxeAsync();

        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(session.Page.Url, violations));
    }

    [Theory]
    [MemberData(nameof(PagesInThemes))]
    public async Task BuilderPage_At320PixelsWithText200Percent_DoesNotScrollSideways(string path, string display)
    {
        var url = path == "edit" ? $"/paths/{await CreatePathAsync()}/edit?q=teams" : path;
        await using var session = await site.OpenSignedInSharedAsync([Roles.Curator],
            new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, BrowserFixture.DisplayCookie(display));
        await session.Page.GotoAsync(url);
        await session.Page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await session.Page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{session.Page.Url} at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    /// <summary>Types into the picker, waits for the match the script shows, and presses its Add button from the keyboard.</summary>
    private static async Task AddWithPickerAsync(IPage page, string search, string moduleTitle)
    {
        await page.Locator("#q").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(search);
        var add = page.GetByRole(AriaRole.Button, new() { Name = $"Add {moduleTitle}", Exact = true });
        await Expect(add).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#module-search-form").GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(add).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForPageAsync(EditPage(), Enhancement.PathPicker);
        await Expect(page.Locator("#page-message-text")).ToHaveTextAsync("Module added at the end of the path.");
        await Expect(page.Locator("#path-builder-modules")).ToContainTextAsync(moduleTitle);
    }

    /// <summary>A published path with a draft on top (so the page shows history, unpublished changes and every button).</summary>
    private async Task<string> CreatePathAsync()
    {
        var curator = new Actor("someone.curating", IsAuthor: false, IsCurator: true);
        await using var scope = site.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<PathBuilder>();
        var slug = (await builder.CreateAsync(curator, "A path with a rather long title about keeping accounts safe " + Guid.NewGuid().ToString("N")[..6], "For everyone.")).Value!.Slug;
        await builder.AddModuleAsync(slug, curator, "spot-a-phishing-message");
        await builder.AddModuleAsync(slug, curator, "use-a-password-manager");
        Assert.True((await scope.ServiceProvider.GetRequiredService<PathPublishing>().PublishAsync(slug, curator)).Succeeded);
        await builder.AddModuleAsync(slug, curator, "passkeys-and-two-step-sign-in");
        return slug;
    }

    [GeneratedRegex("/paths/[a-z0-9-]+/edit")]
    private static partial Regex EditPage();
}
