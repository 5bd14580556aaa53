using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Authoring;

/// <summary>"Preview as a learner": the real player on the draft, for its authors and curators only, recording nothing.</summary>
public sealed class DraftPreviewPageTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    private const string Quiz = "```quiz\nquestion: Where do pinned chats appear?\noptions:\n  - text: At the top\n    correct: true\n  - text: At the bottom\nexplanation: Pinned chats stay at the top.\n```\n";

    [Fact]
    public async Task PreviewAsLearner_FromTheEditor_OpensThePlayerOnTheDraftLabelledDraftPreview()
    {
        var (author, slug, word) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "PreviewAsLearner");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/authoring/{slug}/preview/steps/1", response.Headers.Location!.OriginalString);
        using var shown = await author.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("noindex, nofollow", shown.Headers.GetValues("X-Robots-Tag").Single());
        var page = HtmlPages.Parse(await shown.Content.ReadAsStringAsync());
        Assert.StartsWith("Draft preview", page.Text("#draft-preview-banner"), StringComparison.Ordinal);
        Assert.Equal("Pin the chat", page.Text("#step-title"));
        Assert.Contains(word, page.Text("#step-content"), StringComparison.Ordinal);
        Assert.Equal("Step 1 of 2", page.Text(".progress label"));
        Assert.NotNull(page.QuerySelector("meta[name=robots][content='noindex, nofollow']"));
        Assert.Null(page.QuerySelector("#stuck"));
    }

    [Fact]
    public async Task DraftPreview_StepsAndAnswers_RecordNoProgress()
    {
        var (author, slug, _) = await NewModuleAsync();
        var before = await ProgressRowsAsync();

        var first = await author.GetPageAsync($"/authoring/{slug}/preview/steps/1");
        var second = await author.GetPageAsync($"/authoring/{slug}/preview/steps/2");
        var quiz = (AngleSharp.Html.Dom.IHtmlFormElement)second.QuerySelector("form.quiz")!;
        Assert.True(string.IsNullOrEmpty(quiz.GetAttribute("data-quiz-api")));
        Assert.Equal($"/authoring/{slug}/preview/steps/2?handler=Answer#quiz-0", quiz.GetAttribute("action"));
        using var answered = await author.SubmitAsync(quiz, [new("selected", "0")]);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Pinned chats stay at the top.", HtmlPages.Parse(await answered.Content.ReadAsStringAsync()).Text(".feedback"), StringComparison.Ordinal);
        Assert.Equal($"/authoring/{slug}/preview/steps/2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal($"/authoring/{slug}", second.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(before, await ProgressRowsAsync());
    }

    [Fact]
    public async Task DraftPreview_IsNeverFoundBySearch()
    {
        var (author, slug, word) = await NewModuleAsync();
        await author.GetPageAsync($"/authoring/{slug}/preview/steps/1");

        var results = await author.GetPageAsync("/search?q=" + word);

        Assert.DoesNotContain(slug, results.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftPreview_ForSomeoneWhoIsNotItsAuthorOrACurator_IsRefused()
    {
        var (_, slug, _) = await NewModuleAsync();
        using var otherAuthor = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("other"), Roles.Author);
        using var learner = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("learner"));
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);
        using var anonymous = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.Forbidden, (await otherAuthor.GetAsync($"/authoring/{slug}/preview/steps/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync($"/authoring/{slug}/preview/steps/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/authoring/{slug}/preview/steps/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync($"/authoring/{slug}/preview/steps/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/authoring/{slug}/preview/steps/9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/modules/{slug}/steps/1")).StatusCode);
    }

    private async Task<(HttpClient Author, string Slug, string Word)> NewModuleAsync()
    {
        var username = Infrastructure.Accounts.UniqueName("writer");
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var client = await factory.SignedInClientAsync(username, Roles.Author);
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(
            new Actor(username, IsAuthor: true, IsCurator: false),
            new DraftContent("Pin a chat " + word, "Keep it on top.", "tools", ["chat"], Core.Modules.ModuleLevel.Beginner, 5, null, $"Intro.\n\n## Pin the chat\nRight-click it ({word}).\n\n## Check\nLook at the top.\n\n{Quiz}", [username]));
        return (client, created.Value!.Module.Slug, word);
    }

    private async Task<int> ProgressRowsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        return await db.StepVisits.CountAsync() + await db.ModuleProgress.CountAsync() + await db.QuizAnswers.CountAsync();
    }
}
