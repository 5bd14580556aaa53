using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Progress;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Progress;

/// <summary>A learner taking modules through the real pages, and what the database then holds for them.</summary>
public static class Learners
{
    /// <summary>The starter module the progress tests use most: 4 steps, one quiz (on step 4, option 0 is right).</summary>
    public const string Module = "share-your-screen";

    public static async Task<(HttpClient Client, string Username)> NewLearnerAsync(this SkillBridgeWebFactory factory, string prefix = "learner", params string[] roles)
    {
        var username = Infrastructure.Accounts.UniqueName(prefix);
        return (await factory.SignedInClientAsync(username, roles), username);
    }

    public static async Task VisitAsync(this HttpClient client, string slug, int step)
    {
        using var response = await client.GetAsync($"/modules/{slug}/steps/{step}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Answers every quiz on the step through the form the page shows (no JavaScript), choosing <paramref name="option"/>.</summary>
    public static async Task AnswerQuizzesAsync(this HttpClient client, string slug, int step, int option = 0)
    {
        var page = await client.GetPageAsync($"/modules/{slug}/steps/{step}");
        foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form.quiz"))
        {
            using var response = await client.SubmitAsync(form, [new("selected", option.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Opens every step and answers every quiz, then opens the finish page.</summary>
    public static async Task CompleteAsync(this HttpClient client, string slug)
    {
        var module = await client.GetPageAsync($"/modules/{slug}");
        var steps = module.QuerySelectorAll("ol.steps-list li").Length;
        for (var step = 1; step <= steps; step++)
        {
            await client.AnswerQuizzesAsync(slug, step);
        }

        var finish = await client.GetPageAsync($"/modules/{slug}/finish");
        Assert.NotNull(finish.QuerySelector("#completion"));
    }

    public static async Task<T> WithDbAsync<T>(this SkillBridgeWebFactory factory, Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }

    public static Task<List<ModuleProgress>> ProgressOfAsync(this SkillBridgeWebFactory factory, string username) =>
        factory.WithDbAsync(db => db.ModuleProgress.AsNoTracking()
            .Where(p => db.Users.Any(u => u.Id == p.UserId && u.UserName == username))
            .ToListAsync());

    public static Task<List<int>> VisitedStepsAsync(this SkillBridgeWebFactory factory, int progressId) =>
        factory.WithDbAsync(db => db.StepVisits.AsNoTracking().Where(v => v.ProgressId == progressId).Select(v => v.StepNumber).OrderBy(n => n).ToListAsync());

    public static Task<List<QuizAnswer>> AnswersAsync(this SkillBridgeWebFactory factory, int progressId) =>
        factory.WithDbAsync(db => db.QuizAnswers.AsNoTracking().Where(a => a.ProgressId == progressId).ToListAsync());

    public static Task<string> UserIdAsync(this SkillBridgeWebFactory factory, string username) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync());

    /// <summary>Posts to a page handler with the antiforgery token of any form on <paramref name="pageUrl"/> (the header's sign-out form at least).</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(this HttpClient client, string pageUrl, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]);
        return await client.PostAsync($"{pageUrl}?handler={handler}", content);
    }
}
