using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Progress;

/// <summary>axe and reflow on the progress pages with content in them: My learning, the finish page's rating form, a flagged step, and the feedback page.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class ProgressPagesTests(BrowserFixture site)
{
    private const string Module = "share-your-screen";

    public static TheoryData<string, string> PagesInThemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var display in new[] { "normal.standard", "normal.high" })
        {
            foreach (var path in new[] { "/learning", $"/modules/{Module}/finish", $"/modules/{Module}/steps/2", $"/modules/{Module}/feedback" })
            {
                data.Add(path, display);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInThemes))]
    public async Task ProgressPage_InTheme_HasNoSeriousOrCriticalViolations(string path, string display)
    {
        await using var session = await OpenAfterTakingTheModuleAsync(path, null, display);
        await session.Page.GotoAsync(path);

        var result = await session.Page.RunAxeAsync();

        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(session.Page.Url, violations));
    }

    [Theory]
    [MemberData(nameof(PagesInThemes))]
    public async Task ProgressPage_At320PixelsWithText200Percent_DoesNotScrollSideways(string path, string display)
    {
        await using var session = await OpenAfterTakingTheModuleAsync(path, new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, display);
        await session.Page.GotoAsync(path);
        await session.Page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await session.Page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{session.Page.Url} ({display}) at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    /// <summary>
    /// A context signed in as a curator who has taken the module (<see cref="TakeModuleAsync"/>). One curator per page, made
    /// the first time the page is checked: the checks of a page (two themes, axe and reflow) only look at it, so each sees
    /// the page exactly as the first did, and no page is shown to an account another page's visits changed.
    /// </summary>
    private Task<BrowserSession> OpenAfterTakingTheModuleAsync(string path, BrowserNewContextOptions? options, string display) =>
        site.OpenSharedAsync(
            $"{nameof(ProgressPagesTests)}: a curator who took {Module}, for {path}",
            async () =>
            {
                var session = await site.OpenSignedInAsync(BrowserFixture.UniqueName("curator"), [Roles.Curator]);
                try
                {
                    await TakeModuleAsync(session.Page);
                    return session;
                }
                catch
                {
                    await session.DisposeAsync();
                    throw;
                }
            },
            options,
            BrowserFixture.DisplayCookie(display));

    /// <summary>Goes through the module, answers its quiz, flags step 2 with a note and rates it, so every page has content.</summary>
    private static async Task TakeModuleAsync(IPage page)
    {
        for (var step = 1; step <= 3; step++)
        {
            await page.GotoAsync($"/modules/{Module}/steps/{step}");
        }

        await page.GotoAsync($"/modules/{Module}/steps/2");
        await page.Locator("#stuck > summary").ClickAsync();
        await page.Locator("#stuck-note").FillAsync("The share button was somewhere else for me.");
        await page.GetByRole(AriaRole.Button, new() { Name = "I got stuck on this step" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stuck")).ToContainTextAsync("You flagged this step");

        await page.GotoReadyAsync($"/modules/{Module}/steps/4", Enhancement.Quiz);
        await page.GetByLabel("Only that window").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".quiz .feedback .verdict")).ToHaveTextAsync("Correct.");

        await page.GotoAsync($"/modules/{Module}/finish");
        await page.GetByLabel("4 stars").CheckAsync();
        await page.Locator("#rating-comment").FillAsync("Short and clear; the second step could show a screenshot of the new menu.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my rating" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rating")).ToContainTextAsync("your rating was saved");
    }
}
