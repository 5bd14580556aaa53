using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Player;

[Collection(SiteInBrowser.Name)]
public sealed class QuizTests(BrowserFixture site)
{
    private const string ShareQuizStep = "/modules/share-your-screen/steps/4";
    private const string Explanation = "Sharing a window keeps other apps and pop-ups private.";

    [Fact]
    public async Task Quiz_RightAnswerWithJavaScript_ShowsCorrectWithoutReloading()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync(ShareQuizStep, Enhancement.Quiz);
        await page.EvaluateAsync("() => { window.beforeAnswering = true; }");

        await page.GetByLabel("Only that window").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync("Correct.");
        Assert.True(await page.EvaluateAsync<bool>("() => window.beforeAnswering === true"), "The page reloaded: the quiz was not answered in place.");
        await Expect(page).ToHaveURLAsync(ShareQuizStep);
    }

    [Fact]
    public async Task Quiz_WrongAnswerWithJavaScript_ShowsNotQuiteAndTheExplanation()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync(ShareQuizStep, Enhancement.Quiz);
        await page.EvaluateAsync("() => { window.beforeAnswering = true; }");

        await page.GetByLabel("Your whole screen, notifications included").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToContainTextAsync("Not quite.");
        await Expect(feedback).ToContainTextAsync("The right answer is: Only that window.");
        await Expect(feedback).ToContainTextAsync(Explanation);
        Assert.True(await page.EvaluateAsync<bool>("() => window.beforeAnswering === true"), "The page reloaded: the quiz was not answered in place.");
    }

    [Fact]
    public async Task Quiz_RightAnswerWithoutJavaScript_PostsAndShowsCorrect()
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = session.Page;
        await page.GotoAsync(ShareQuizStep);

        await page.GetByLabel("Only that window").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToContainTextAsync("Correct.");
        await Expect(feedback).ToContainTextAsync(Explanation);
        await Expect(page.GetByLabel("Only that window")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Quiz_WrongAnswerWithoutJavaScript_PostsAndShowsNotQuite()
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = session.Page;
        await page.GotoAsync(ShareQuizStep);

        await page.GetByLabel("Whatever window you click on next").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToContainTextAsync("Not quite.");
        await Expect(feedback).ToContainTextAsync(Explanation);
    }

    [Fact]
    public async Task ChooseAllThatApplyQuiz_SeveralBoxesTicked_ShowsCorrect()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync("/modules/spot-a-phishing-message/steps/4", Enhancement.Quiz);
        await Expect(page.Locator(".quiz input[type=checkbox]")).ToHaveCountAsync(4);

        await page.GetByLabel("It asks you to act within a few hours or lose access").CheckAsync();
        await page.GetByLabel("It asks you to change a supplier's bank details").CheckAsync();
        await page.GetByLabel("The sender's address is from a domain that is slightly misspelt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync("Correct.");
    }

    [Fact]
    public async Task ChooseAllThatApplyQuiz_OneRightBoxMissing_ShowsNotQuiteWithAllRightAnswers()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync("/modules/spot-a-phishing-message/steps/4", Enhancement.Quiz);

        await page.GetByLabel("It asks you to act within a few hours or lose access").CheckAsync();
        await page.GetByLabel("It asks you to change a supplier's bank details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToContainTextAsync("Not quite.");
        await Expect(feedback).ToContainTextAsync("The right answers are:");
    }
}
