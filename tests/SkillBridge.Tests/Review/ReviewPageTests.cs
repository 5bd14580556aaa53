using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Authoring;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Review;

/// <summary>Submitting, reviewing, publishing, scheduling and history through the pages.</summary>
public sealed class ReviewPageTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    private const string Body = "Why it helps.\n\n## Open the chat\nRight-click it.\n\n## Pin it\nChoose **Pin**.\n\n```quiz\nquestion: Where do pinned chats go?\noptions:\n  - text: To the top\n    correct: true\n  - text: Nowhere\nexplanation: They stay at the top.\n```\n";

    [Fact]
    public async Task Submit_CompleteModule_PutsItInTheCuratorsQueueAndAudits()
    {
        var (author, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();

        var queue = await curator.GetPageAsync("/review");

        Assert.NotNull(queue.QuerySelector($"#review-queue a[href='/review/{slug}']"));
        Assert.Contains(await factory.AuditAsync(AuditAction.Submitted), e => e.Subject == slug);
        Assert.Contains("Waiting for a curator", (await author.OpenEditorAsync(slug)).Text("#draft-state"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithoutSteps_ListsWhatToFixAndStaysADraft()
    {
        var (author, slug) = await ModuleAsync("Only an introduction, no steps.");

        using var response = await author.PressAsync(await author.OpenEditorAsync(slug), "Submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("step", page.Text(".error-summary"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DraftState.Editing, await StateAsync(slug));
    }

    [Fact]
    public async Task Publish_ByCurator_ShowsTheModuleToLearnersAndAudits()
    {
        var (_, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();
        var review = await curator.GetPageAsync($"/review/{slug}");

        using var response = await curator.SubmitAsync(Form(review, "Publish"), []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var learner = factory.CreateBrowser();
        var module = await learner.GetPageAsync($"/modules/{slug}");
        Assert.Equal(2, module.QuerySelectorAll(".steps-list a").Length);
        Assert.Contains(await factory.AuditAsync(AuditAction.Published), e => e.Subject == slug);
    }

    [Fact]
    public async Task RequestChanges_WithAComment_ShowsItInTheAuthorsEditor()
    {
        var (author, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();
        var review = await curator.GetPageAsync($"/review/{slug}");

        using var response = await curator.SubmitAsync(Form(review, "RequestChanges"), [new("Comment", "Add a screenshot of the pin icon.")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var editor = await author.OpenEditorAsync(slug);
        Assert.Contains("Add a screenshot of the pin icon.", editor.Text(".review-comments"), StringComparison.Ordinal);
        Assert.Contains("Changes requested", editor.Text("#draft-state"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_LocalTimeInTheCuratorsZone_IsStoredInUtcAndShownInTheQueue()
    {
        var (_, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();
        var review = await curator.GetPageAsync($"/review/{slug}");

        using var response = await curator.SubmitAsync(Form(review, "Schedule"), [new("PublishAt", "2031-07-01T09:30")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleDrafts.AsNoTracking().SingleAsync(d => d.Module.Slug == slug);
        Assert.Equal(DraftState.Scheduled, draft.State);
        Assert.Equal(new DateTime(2031, 7, 1, 8, 30, 0, DateTimeKind.Utc), draft.ScheduledFor);
        var queue = await curator.GetPageAsync("/review");
        Assert.Contains("Scheduled for 1 Jul 2031, 09:30 Europe/London", queue.Text("#review-queue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_TimeInThePast_IsRefused()
    {
        var (_, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();
        var review = await curator.GetPageAsync($"/review/{slug}");

        using var response = await curator.SubmitAsync(Form(review, "Schedule"), [new("PublishAt", "2020-01-01T09:00")]);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Choose a time in the future", page.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(DraftState.InReview, await StateAsync(slug));
    }

    [Fact]
    public async Task ReviewPage_ForAnAuthor_IsForbidden()
    {
        var (author, slug) = await SubmittedModuleAsync();

        using var response = await author.GetAsync($"/review/{slug}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task History_AfterTwoPublishes_ComparesThemAndRestoresTheFirst()
    {
        var (author, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();
        (await curator.SubmitAsync(Form(await curator.GetPageAsync($"/review/{slug}"), "Publish"), [])).Dispose();
        (await author.PressAsync(await author.OpenEditorAsync(slug), "Save", new Dictionary<string, string> { ["Form.Title"] = "Pin the chats that matter" })).Dispose();
        (await author.PressAsync(await author.OpenEditorAsync(slug), "Submit")).Dispose();
        (await curator.SubmitAsync(Form(await curator.GetPageAsync($"/review/{slug}"), "Publish"), [])).Dispose();

        var diff = await author.GetPageAsync($"/modules/{slug}/history?From=1&To=2");
        Assert.Equal(2, diff.QuerySelectorAll("#revisions tbody tr").Length);
        Assert.Contains("title: Pin the chats that matter", diff.QuerySelector("ins.diff-line")!.TextContent, StringComparison.Ordinal);

        var forms = diff.QuerySelectorAll("#revisions form");
        var restoreForm = (IHtmlFormElement)forms[^1];
        using var restored = await author.SubmitAsync(restoreForm, []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var editor = await author.OpenEditorAsync(slug);
        Assert.StartsWith("Pin a chat", editor.QuerySelector<IHtmlInputElement>("#Form_Title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublish_ByCurator_TakesTheModuleAwayFromLearners()
    {
        var (_, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();
        (await curator.SubmitAsync(Form(await curator.GetPageAsync($"/review/{slug}"), "Publish"), [])).Dispose();
        var history = await curator.GetPageAsync($"/modules/{slug}/history");

        using var response = await curator.SubmitAsync(Form(history, "Unpublish"), []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var learner = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/modules/{slug}")).StatusCode);
        Assert.Contains(await factory.AuditAsync(AuditAction.Unpublished), e => e.Subject == slug);
    }

    [Fact]
    public async Task Publish_ShowsDoneOnTheModulePageItLandsOn_AndNeverLaterOnAnotherPage()
    {
        var (_, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();

        using var response = await curator.SubmitAsync(Form(await curator.GetPageAsync($"/review/{slug}"), "Publish"), []);
        var landed = await curator.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("page-message page-message-success", landed.QuerySelector("#page-message")?.ClassName);
        Assert.Equal("Done: Published as revision 1.", landed.Text("#page-message"));
        Assert.Null((await curator.GetPageAsync($"/modules/{slug}/history")).QuerySelector("#page-message"));
    }

    [Theory]
    [InlineData("Schedule", "PublishAt", "2031-07-01T09:30", "Done: Scheduled for 1 Jul 2031, 09:30 Europe/London.")]
    [InlineData("RequestChanges", "Comment", "Add a screenshot of the pin icon.", "Done: Changes requested. The authors see your comment in their editor.")]
    public async Task ScheduleAndRequestChanges_SayWhatHappenedOnTheQueueTheyLandOn(string handler, string field, string value, string message)
    {
        var (_, slug) = await SubmittedModuleAsync();
        using var curator = await CuratorAsync();

        using var response = await curator.SubmitAsync(Form(await curator.GetPageAsync($"/review/{slug}"), handler), [new(field, value)]);
        var landed = await curator.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(message, landed.Text("#page-message"));
        Assert.Null((await curator.GetPageAsync("/review")).QuerySelector("#page-message"));
    }

    [Fact]
    public async Task QueueReviewAndEditor_ShowPeopleByTheirNames_NotTheirUsernames()
    {
        var (author, slug) = await SubmittedModuleAsync();
        var writer = await WithDbAsync(db => db.ModuleDrafts.Where(d => d.Module.Slug == slug).Select(d => d.UpdatedBy).SingleAsync());
        var curatorName = Infrastructure.Accounts.UniqueName("curator");
        using var curator = await factory.SignedInClientAsync(curatorName, Roles.Curator);
        await WithDbAsync(db => db.People.Where(p => p.Username == writer).ExecuteUpdateAsync(p => p.SetProperty(x => x.Name, "Noor Haddad")));
        await WithDbAsync(db => db.People.Where(p => p.Username == curatorName).ExecuteUpdateAsync(p => p.SetProperty(x => x.Name, "Helen Okafor")));

        var queueRow = (await curator.GetPageAsync("/review")).QuerySelector($"#review-queue a[href='/review/{slug}']")!.Closest("tr")!.TextContent;
        var review = await curator.GetPageAsync($"/review/{slug}");
        (await curator.SubmitAsync(Form(review, "RequestChanges"), [new("Comment", "Add a screenshot of the pin icon.")])).Dispose();
        var editor = await author.OpenEditorAsync(slug);

        Assert.Contains("Noor Haddad", queueRow, StringComparison.Ordinal);
        Assert.DoesNotContain(writer, queueRow, StringComparison.Ordinal);
        Assert.Contains("By Noor Haddad", review.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last saved by Noor Haddad", editor.Body!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Helen Okafor asked for changes, ", editor.QuerySelector("#review-thread .review-comment-meta")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(curatorName, editor.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<T> WithDbAsync<T>(Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }

    private static IHtmlFormElement Form(AngleSharp.Html.Dom.IHtmlDocument page, string handler) =>
        page.QuerySelectorAll<IHtmlFormElement>("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));

    private Task<HttpClient> CuratorAsync() => factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);

    private async Task<(HttpClient Author, string Slug)> SubmittedModuleAsync()
    {
        var (author, slug) = await ModuleAsync(Body);
        using var response = await author.PressAsync(await author.OpenEditorAsync(slug), "Submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (author, slug);
    }

    private async Task<(HttpClient Author, string Slug)> ModuleAsync(string body)
    {
        var username = Infrastructure.Accounts.UniqueName("writer");
        var client = await factory.SignedInClientAsync(username, Roles.Author);
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(
            new Actor(username, IsAuthor: true, IsCurator: false),
            new DraftContent("Pin a chat " + Guid.NewGuid().ToString("N")[..6], "Keep it at the top.", "tools", ["teams"], Core.Modules.ModuleLevel.Beginner, 5, null, body, [username]));
        return (client, created.Value!.Module.Slug);
    }

    private async Task<DraftState> StateAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleDrafts.Where(d => d.Module.Slug == slug).Select(d => d.State).SingleAsync();
    }
}
