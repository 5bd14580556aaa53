using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Tests.Infrastructure;
using static SkillBridge.Tests.Progress.Learners;

namespace SkillBridge.Tests.Progress;

/// <summary>Progress through the player: what is stored, the completion rule, resuming, and anonymous visitors.</summary>
public sealed class ProgressTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Step_SignedInLearner_StoresProgressAgainstThePublishedRevision()
    {
        var (client, username) = await factory.NewLearnerAsync();

        await client.VisitAsync(Module, 1);
        await client.VisitAsync(Module, 2);

        var progress = Assert.Single(await factory.ProgressOfAsync(username));
        var published = await factory.WithDbAsync(db => db.Modules.Where(m => m.Slug == Module).Select(m => m.PublishedRevisionId).SingleAsync());
        Assert.Equal(published, progress.RevisionId);
        Assert.Equal(2, progress.LastStep);
        Assert.Equal(4, progress.StepCount);
        Assert.Null(progress.CompletedAt);
        Assert.Equal([1, 2], await factory.VisitedStepsAsync(progress.Id));
    }

    [Fact]
    public async Task AnonymousVisitor_TakesTheWholeModule_AndNothingIsStored()
    {
        using var client = factory.CreateBrowser();
        var before = await factory.WithDbAsync(db => db.ModuleProgress.CountAsync());

        for (var step = 1; step <= 4; step++)
        {
            await client.VisitAsync(Module, step);
        }

        await client.AnswerQuizzesAsync(Module, 4);
        var finish = await client.GetPageAsync($"/modules/{Module}/finish");

        Assert.Contains("You finished", finish.Text("h1"), StringComparison.Ordinal);
        Assert.Null(finish.QuerySelector("#rating"));
        Assert.Null((await client.GetPageAsync($"/modules/{Module}/steps/2")).QuerySelector("#stuck"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.ModuleProgress.CountAsync()));
    }

    [Fact]
    public async Task Finish_EveryStepSeenAndTheQuizAnswered_CountsAsCompleted()
    {
        var (client, username) = await factory.NewLearnerAsync();
        for (var step = 1; step <= 4; step++)
        {
            await client.VisitAsync(Module, step);
        }

        await client.AnswerQuizzesAsync(Module, 4, option: 1);
        var finish = await client.GetPageAsync($"/modules/{Module}/finish");

        Assert.StartsWith("Completed on", finish.Text("#completion"), StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await factory.ProgressOfAsync(username)).CompletedAt);
    }

    [Fact]
    public async Task Finish_QuizNotAnswered_IsNotCompletedAndLinksToTheQuiz()
    {
        var (client, username) = await factory.NewLearnerAsync();
        for (var step = 1; step <= 4; step++)
        {
            await client.VisitAsync(Module, step);
        }

        var finish = await client.GetPageAsync($"/modules/{Module}/finish");

        Assert.Null(finish.QuerySelector("#completion"));
        Assert.Null(finish.QuerySelector("#rating"));
        var missing = finish.QuerySelector("#missing")!;
        Assert.Contains("What do colleagues see when you share one window?", missing.TextContent, StringComparison.Ordinal);
        Assert.NotNull(missing.QuerySelector($"a[href='/modules/{Module}/steps/4']"));
        Assert.Null(Assert.Single(await factory.ProgressOfAsync(username)).CompletedAt);
    }

    [Fact]
    public async Task Finish_StepSkipped_IsNotCompletedAndNamesTheStep()
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.VisitAsync(Module, 1);
        await client.VisitAsync(Module, 2);
        await client.AnswerQuizzesAsync(Module, 4);

        var finish = await client.GetPageAsync($"/modules/{Module}/finish");

        var links = finish.QuerySelectorAll("#missing a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/modules/{Module}/steps/3"], links);
        Assert.Null(Assert.Single(await factory.ProgressOfAsync(username)).CompletedAt);
    }

    [Fact]
    public async Task Completion_LastMissingStepSeenAfterTheQuiz_CompletesWithoutTheFinishPage()
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.VisitAsync(Module, 1);
        await client.VisitAsync(Module, 2);
        await client.AnswerQuizzesAsync(Module, 4);

        await client.VisitAsync(Module, 3);

        Assert.NotNull(Assert.Single(await factory.ProgressOfAsync(username)).CompletedAt);
    }

    [Fact]
    public async Task Completion_AnsweringAgainLater_KeepsTheFirstCompletionDate()
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.CompleteAsync(Module);
        var completedAt = Assert.Single(await factory.ProgressOfAsync(username)).CompletedAt;

        await client.AnswerQuizzesAsync(Module, 4, option: 1);
        await client.GetPageAsync($"/modules/{Module}/finish");

        var progress = Assert.Single(await factory.ProgressOfAsync(username));
        Assert.Equal(completedAt, progress.CompletedAt);
        var answer = Assert.Single(await factory.AnswersAsync(progress.Id));
        Assert.Equal("1", answer.Selected);
        Assert.False(answer.IsCorrect);
    }

    [Fact]
    public async Task ModulePage_StartedModule_OffersToContinueAtTheLastStepFromTheServer()
    {
        var (client, _) = await factory.NewLearnerAsync();
        await client.VisitAsync(Module, 1);
        await client.VisitAsync(Module, 2);
        await client.VisitAsync(Module, 3);

        var page = await client.GetPageAsync($"/modules/{Module}");

        var start = page.QuerySelector("#start-module")!;
        Assert.Equal("Continue at step 3", start.TextContent.Trim());
        Assert.Equal($"/modules/{Module}/steps/3", start.GetAttribute("href"));
        Assert.Equal("server", start.GetAttribute("data-progress"));
    }

    [Fact]
    public async Task ModulePage_NotStarted_OffersStart()
    {
        var (client, _) = await factory.NewLearnerAsync();

        var page = await client.GetPageAsync($"/modules/{Module}");

        Assert.Equal("Start", page.Text("#start-module"));
        Assert.Null(page.QuerySelector("#completion"));
    }

    [Fact]
    public async Task ModulePage_Completed_SaysWhenAndOffersToGoThroughAgain()
    {
        var (client, _) = await factory.NewLearnerAsync();
        await client.CompleteAsync(Module);

        var page = await client.GetPageAsync($"/modules/{Module}");

        Assert.StartsWith("You completed this module on", page.Text("#completion"), StringComparison.Ordinal);
        Assert.Equal("Go through it again", page.Text("#start-module"));
    }

    [Fact]
    public async Task AnswerApi_SignedInLearner_StoresTheAnswer()
    {
        var (client, username) = await factory.NewLearnerAsync();
        var page = await client.GetPageAsync($"/modules/{Module}/steps/4");
        var form = (IHtmlFormElement)page.QuerySelector("form.quiz")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("selected", "0")]);

        using var response = await client.PostAsync(form.GetAttribute("data-quiz-api"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var progress = Assert.Single(await factory.ProgressOfAsync(username));
        var answer = Assert.Single(await factory.AnswersAsync(progress.Id));
        Assert.True(answer.IsCorrect);
        Assert.Equal(4, answer.StepNumber);
    }

    [Fact]
    public async Task AnswerWithNothingChosen_StoresNoAnswer()
    {
        var (client, username) = await factory.NewLearnerAsync();
        var page = await client.GetPageAsync($"/modules/{Module}/steps/4");

        using var response = await client.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.quiz")!, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await factory.AnswersAsync(Assert.Single(await factory.ProgressOfAsync(username)).Id));
    }
}
