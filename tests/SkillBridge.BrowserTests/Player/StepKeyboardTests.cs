using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Player;

[Collection(SiteInBrowser.Name)]
public sealed class StepKeyboardTests(BrowserFixture site)
{
    [Fact]
    public async Task StartButton_Clicked_OpensStepOne()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/modules/share-your-screen");

        await page.GetByRole(AriaRole.Link, new() { Name = "Start", Exact = true }).ClickAsync();

        await page.WaitForPageAsync("/modules/share-your-screen/steps/1");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Get the window ready first");
    }

    [Fact]
    public async Task ArrowRight_OnAStep_MovesToTheNextStep()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync("/modules/share-your-screen/steps/1", Enhancement.StepKeys);

        await page.Keyboard.PressAsync("ArrowRight");
        // Step 2 must have its own key handler before the second press, or the press does nothing.
        await page.WaitForPageAsync("/modules/share-your-screen/steps/2", Enhancement.StepKeys);
        await page.Keyboard.PressAsync("ArrowRight");

        await page.WaitForPageAsync("/modules/share-your-screen/steps/3");
        await Expect(page.Locator("#step-content")).ToHaveAttributeAsync("data-step", "3");
    }

    [Fact]
    public async Task ArrowLeft_OnAStep_MovesToThePreviousStep()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync("/modules/share-your-screen/steps/3", Enhancement.StepKeys);

        await page.Keyboard.PressAsync("ArrowLeft");

        await page.WaitForPageAsync("/modules/share-your-screen/steps/2");
        await Expect(page.Locator("#step-content")).ToHaveAttributeAsync("data-step", "2");
    }

    [Fact]
    public async Task ArrowRight_FocusInAQuizRadio_MovesTheChoiceNotTheStep()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        // Without the key handler attached the step could not move anyway, and the test would pass for the wrong reason.
        await page.GotoReadyAsync("/modules/share-your-screen/steps/4", Enhancement.StepKeys);
        // The Navigation API's navigate event fires inside location.assign, so a navigation the key started is on record by
        // the time the key press has been handled; a request seen over the wire could still be on its way.
        await page.EvaluateAsync("() => { window.navigationsStarted = 0; navigation.addEventListener('navigate', () => { window.navigationsStarted++; }); }");
        var first = page.GetByLabel("Only that window");
        await first.CheckAsync();

        await first.PressAsync("ArrowRight");

        // The browser's own radio behaviour ran: the key reached the control and was not taken for step navigation.
        await Expect(page.GetByLabel("Your whole screen, notifications included")).ToBeCheckedAsync();
        Assert.Equal(0, await page.EvaluateAsync<int?>("() => window.navigationsStarted"));
        await Expect(page).ToHaveURLAsync("/modules/share-your-screen/steps/4");
    }
}
