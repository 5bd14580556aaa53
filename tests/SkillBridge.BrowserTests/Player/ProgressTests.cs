using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Player;

[Collection(SiteInBrowser.Name)]
public sealed class ProgressTests(BrowserFixture site)
{
    [Fact]
    public async Task FinishButton_OnTheLastStep_ShowsWhoWroteTheModule()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/modules/share-your-screen/steps/4");

        await page.GetByRole(AriaRole.Link, new() { Name = "Finish" }).ClickAsync();

        await page.WaitForPageAsync("/modules/share-your-screen/finish");
        await Expect(page.Locator("#author-heading")).ToHaveTextAsync("Written by Priya Shah and Tom Okafor");
    }

    [Fact]
    public async Task StartButton_AfterVisitingStepThree_ReadsContinueAtStepThree()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        // Leaving before the script has stored the step would leave nothing to continue from.
        await page.GotoReadyAsync("/modules/share-your-screen/steps/3", Enhancement.RememberStep);

        await page.GetByRole(AriaRole.Link, new() { Name = "Share one window in a video call" }).ClickAsync();
        await page.WaitForPageAsync("/modules/share-your-screen", Enhancement.Continue);

        var start = page.Locator("#start-module");
        await Expect(start).ToHaveTextAsync("Continue at step 3");
        await Expect(start).ToHaveAttributeAsync("href", "/modules/share-your-screen/steps/3");
    }

    [Fact]
    public async Task StartButton_InAFreshBrowser_ReadsStart()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/modules/share-your-screen");

        // The page also says "Start" before the script has looked at this device's memory; only once it has is "Start" its answer.
        await page.WaitForEnhancementsAsync(Enhancement.Continue);
        await Expect(page.Locator("#start-module")).ToHaveTextAsync("Start");
    }
}
