using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Player;

/// <summary>
/// Quizzes in the player, with and without JavaScript: the whole answer row chooses the answer, and design.md's quiz
/// rule (a wrong first answer offers Try again and Show the answer; the right options and explanation come after a
/// second answer or Show the answer).
/// </summary>
[Collection(SiteInBrowser.Name)]
public sealed class QuizTests(BrowserFixture site)
{
    private const string ShareQuizStep = "/modules/share-your-screen/steps/4";
    private const string Explanation = "Sharing a window keeps other apps and pop-ups private.";
    private const string WrongVerdict = "Not quite: that answer is wrong.";

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
        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync(Explanation);
        Assert.True(await page.EvaluateAsync<bool>("() => window.beforeAnswering === true"), "The page reloaded: the quiz was not answered in place.");
        await Expect(page).ToHaveURLAsync(ShareQuizStep);
    }

    [Fact]
    public async Task Quiz_ClickOnTheFarEndOfAnAnswerRow_ChoosesThatAnswer()
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = session.Page;
        await page.GotoReadyAsync(ShareQuizStep, Enhancement.Quiz);
        var row = page.Locator(".quiz .choice").Nth(1);
        var box = (await row.BoundingBoxAsync())!;

        await row.ClickAsync(new() { Position = new() { X = box.Width - 4, Y = box.Height - 4 } });

        await Expect(page.GetByLabel("Your whole screen, notifications included")).ToBeCheckedAsync();
        foreach (var answer in await page.Locator(".quiz .choice").AllAsync())
        {
            var size = (await answer.BoundingBoxAsync())!;
            Assert.True(size.Height >= 44 && size.Width >= 44, $"An answer row is {size.Width} x {size.Height} px; at least 44 x 44 is needed.");
        }
    }

    [Fact]
    public async Task Quiz_WrongFirstAnswerWithJavaScript_SaysWrongAndOffersTryAgainWithoutTheAnswer()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync(ShareQuizStep, Enhancement.Quiz);
        await page.EvaluateAsync("() => { window.beforeAnswering = true; }");

        await page.GetByLabel("Your whole screen, notifications included").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToHaveTextAsync(WrongVerdict);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Try again" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show the answer" })).ToBeVisibleAsync();
        await Expect(page.Locator(".quiz .choice.is-correct")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.beforeAnswering === true"), "The page reloaded: the quiz was not answered in place.");
    }

    [Fact]
    public async Task Quiz_TryAgainThenASecondAnswerWithJavaScript_ShowsTheRightAnswerAndExplanation()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync(ShareQuizStep, Enhancement.Quiz);
        await page.GetByLabel("Your whole screen, notifications included").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Try again" }).ClickAsync();
        await Expect(page.GetByLabel("Your whole screen, notifications included")).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Radio).First).ToBeFocusedAsync();
        await page.GetByLabel("Whatever window you click on next").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToContainTextAsync(WrongVerdict);
        await Expect(feedback).ToContainTextAsync("The right answer is: Only that window.");
        await Expect(feedback).ToContainTextAsync(Explanation);
        await Expect(page.Locator(".quiz .choice[data-option='0'] .option-mark")).ToHaveTextAsync("Right");
        await Expect(page.Locator(".quiz .choice[data-option='2'] .option-mark")).ToHaveTextAsync("Wrong");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Try again" })).ToBeHiddenAsync();
        await Expect(page).ToHaveURLAsync(ShareQuizStep);
    }

    [Fact]
    public async Task Quiz_ShowTheAnswerWithJavaScript_ShowsTheRightAnswerAndExplanation()
    {
        await using var session = await site.OpenSignedInAsync(BrowserFixture.UniqueName("learner"), []);
        var page = session.Page;
        await page.GotoReadyAsync(ShareQuizStep, Enhancement.Quiz);
        await page.GetByLabel("Whatever window you click on next").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the answer" }).ClickAsync();

        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToContainTextAsync("The right answer is: Only that window.");
        await Expect(feedback).ToContainTextAsync(Explanation);
        await page.ReloadAsync();
        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync(Explanation);
    }

    [Fact]
    public async Task Quiz_RightAnswerWithoutJavaScript_PostsAndShowsCorrect()
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = session.Page;
        await page.GotoAsync(ShareQuizStep);

        await page.GetByText("Only that window").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToContainTextAsync("Correct.");
        await Expect(feedback).ToContainTextAsync(Explanation);
        await Expect(page.GetByLabel("Only that window")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Quiz_WrongAnswerThenTryAgainWithoutJavaScript_RevealsTheAnswerOnlyAfterTheSecond()
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = session.Page;
        await page.GotoAsync(ShareQuizStep);

        await page.GetByLabel("Whatever window you click on next").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToHaveTextAsync(WrongVerdict);
        await page.GetByRole(AriaRole.Link, new() { Name = "Try again" }).ClickAsync();
        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync("Choose again");
        await page.GetByLabel("Your whole screen, notifications included").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync("The right answer is: Only that window.");
        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync(Explanation);
    }

    [Fact]
    public async Task Quiz_ShowTheAnswerWithoutJavaScript_PostsAndShowsTheAnswer()
    {
        await using var session = await site.OpenSignedInAsync(BrowserFixture.UniqueName("learner"), [], new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = session.Page;
        await page.GotoAsync(ShareQuizStep);
        await page.GetByLabel("Whatever window you click on next").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the answer" }).ClickAsync();

        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync("The right answer is: Only that window.");
        await Expect(page.Locator(".quiz .feedback")).ToContainTextAsync(Explanation);
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
    public async Task ChooseAllThatApplyQuiz_OneRightBoxMissingTwice_ShowsAllRightAnswersAfterTheSecondAnswer()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoReadyAsync("/modules/spot-a-phishing-message/steps/4", Enhancement.Quiz);

        await page.GetByLabel("It asks you to act within a few hours or lose access").CheckAsync();
        await page.GetByLabel("It asks you to change a supplier's bank details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
        var feedback = page.Locator(".quiz .feedback");
        await Expect(feedback).ToHaveTextAsync(WrongVerdict);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();

        await Expect(feedback).ToContainTextAsync("The right answers are:");
    }
}
