using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SkillBridge.Tests.Infrastructure;
using static SkillBridge.Tests.Progress.Learners;

namespace SkillBridge.Tests.Progress;

/// <summary>Double clicks, retries and several tabs at once: real parallel requests against one SQLite file, never a duplicate row or a lost step.</summary>
public sealed class ProgressConcurrencyTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task TwentyConcurrentGetsOfOneStep_StoreOneProgressRowAndOneVisit()
    {
        var (client, username) = await factory.NewLearnerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync($"/modules/{Module}/steps/2")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var progress = Assert.Single(await factory.ProgressOfAsync(username));
        Assert.Equal([2], await factory.VisitedStepsAsync(progress.Id));
    }

    [Fact]
    public async Task ConcurrentGetsOfEveryStep_LoseNoStep()
    {
        var (client, username) = await factory.NewLearnerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.GetAsync($"/modules/{Module}/steps/{1 + (i % 4)}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var progress = Assert.Single(await factory.ProgressOfAsync(username));
        Assert.Equal([1, 2, 3, 4], await factory.VisitedStepsAsync(progress.Id));
    }

    [Fact]
    public async Task TenConcurrentAnswersFromTwoTabs_StoreOneAnswerAndCompleteOnce()
    {
        var (firstTab, username) = await factory.NewLearnerAsync();
        using var secondTab = factory.CreateBrowser();
        await secondTab.SignInAsync(username);
        for (var step = 1; step <= 3; step++)
        {
            await firstTab.VisitAsync(Module, step);
        }

        var firstForm = await QuizFormAsync(firstTab);
        var secondForm = await QuizFormAsync(secondTab);

        // Half through the form post (no JavaScript), half through the JSON API, alternating tabs.
        var answers = Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? firstTab.SubmitAsync(firstForm, [new("selected", "0")])
            : PostApiAsync(secondTab, secondForm, "0"));
        var responses = await Task.WhenAll(answers);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var progress = Assert.Single(await factory.ProgressOfAsync(username));
        var answer = Assert.Single(await factory.AnswersAsync(progress.Id));
        Assert.True(answer.IsCorrect);
        Assert.Equal([1, 2, 3, 4], await factory.VisitedStepsAsync(progress.Id));
        Assert.NotNull(progress.CompletedAt);
    }

    [Fact]
    public async Task ConcurrentFirstVisitsByManyLearners_EachGetTheirOwnRow()
    {
        var learners = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => factory.NewLearnerAsync()));

        var responses = await Task.WhenAll(learners.SelectMany(l => Enumerable.Range(0, 4).Select(_ => l.Client.GetAsync($"/modules/{Module}/steps/1"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var (_, username) in learners)
        {
            Assert.Single(await factory.ProgressOfAsync(username));
        }
    }

    private static async Task<IHtmlFormElement> QuizFormAsync(HttpClient client) =>
        (IHtmlFormElement)(await client.GetPageAsync($"/modules/{Module}/steps/4")).QuerySelector("form.quiz")!;

    private static async Task<HttpResponseMessage> PostApiAsync(HttpClient client, IHtmlFormElement form, string selected)
    {
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("selected", selected)]);
        return await client.PostAsync(form.GetAttribute("data-quiz-api"), content);
    }
}
