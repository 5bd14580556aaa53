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

        await page.WaitForURLAsync("**/modules/share-your-screen/steps/1");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Get the window ready first");
    }

    [Fact]
    public async Task ArrowRight_OnAStep_MovesToTheNextStep()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/modules/share-your-screen/steps/1");

        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForURLAsync("**/modules/share-your-screen/steps/2");
        await page.Keyboard.PressAsync("ArrowRight");

        await page.WaitForURLAsync("**/modules/share-your-screen/steps/3");
    }

    [Fact]
    public async Task ArrowLeft_OnAStep_MovesToThePreviousStep()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/modules/share-your-screen/steps/3");

        await page.Keyboard.PressAsync("ArrowLeft");

        await page.WaitForURLAsync("**/modules/share-your-screen/steps/2");
    }

    [Fact]
    public async Task ArrowRight_FocusInAQuizRadio_MovesTheChoiceNotTheStep()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/modules/share-your-screen/steps/4");
        var documentRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "document")
            {
                documentRequests.Add(request.Url);
            }
        };
        await page.EvaluateAsync("() => { window.stillThisPage = true; }");
        var first = page.GetByLabel("Only that window");
        await first.CheckAsync();

        await first.PressAsync("ArrowRight");

        // The browser's own radio behaviour ran: the key reached the control and was not taken for step navigation.
        await Expect(page.GetByLabel("Your whole screen, notifications included")).ToBeCheckedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillThisPage === true"));
        Assert.EndsWith("/modules/share-your-screen/steps/4", page.Url, StringComparison.Ordinal);
        Assert.Empty(documentRequests);
    }
}
