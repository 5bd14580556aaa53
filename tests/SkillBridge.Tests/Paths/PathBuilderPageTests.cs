using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Paths;
using SkillBridge.Core.Publishing;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Paths;

/// <summary>Curators build, publish, unpublish and archive paths in the site, without JavaScript.</summary>
public sealed class PathBuilderPageTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>, IAsyncLifetime
{
    private HttpClient _curator = null!;
    private HttpClient _learner = null!;
    private string _curatorName = "";

    public async Task InitializeAsync()
    {
        _curatorName = Infrastructure.Accounts.UniqueName("path.curator");
        _curator = await factory.SignedInClientAsync(_curatorName, Roles.Curator);
        _learner = factory.CreateBrowser();
    }

    public Task DisposeAsync()
    {
        _curator.Dispose();
        _learner.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task GetNew_AsCurator_ShowsTheForm()
    {
        var page = await _curator.GetPageAsync("/paths/new");

        Assert.NotNull(page.QuerySelector("label[for=Title]"));
        Assert.NotNull(page.QuerySelector("label[for=Summary]"));
    }

    [Fact]
    public async Task PostNew_NoTitle_SaysSoAndCreatesNothing()
    {
        var before = await WithDbAsync(db => db.LearningPaths.CountAsync());
        var page = await _curator.GetPageAsync("/paths/new");

        using var response = await _curator.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form[method=post]")!, [new("Title", " "), new("Summary", "x")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the path a title.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(db => db.LearningPaths.CountAsync()));
    }

    [Fact]
    public async Task NewPath_NotPublished_IsHiddenFromLearnersAndListedAsDraft()
    {
        var slug = await _curator.CreatePathAsync("Hidden until published");

        Assert.Equal(HttpStatusCode.NotFound, (await _learner.GetAsync($"/paths/{slug}")).StatusCode);
        Assert.DoesNotContain($"/paths/{slug}", (await _learner.GetStringAsync("/paths")), StringComparison.Ordinal);
        var manage = await _curator.GetPageAsync("/paths/manage");
        Assert.Contains(manage.QuerySelectorAll("#paths-draft ~ ul a"), a => a.GetAttribute("href") == $"/paths/{slug}/edit");
    }

    [Fact]
    public async Task Picker_WithoutJavaScript_ListsMatchesWithAddButtonsAndMarksModulesAlreadyInThePath()
    {
        var slug = await _curator.CreatePathAsync("Picker path");
        await _curator.AddModuleAsync(slug, "teams", "join-a-teams-meeting");

        var page = await _curator.GetPageAsync($"/paths/{slug}/edit?q=teams");

        var items = page.QuerySelectorAll("#module-matches li").ToList();
        Assert.Contains(items, li => li.TextContent.Contains("Teams channels and chats", StringComparison.Ordinal) && li.QuerySelector("button")?.TextContent.Trim() == "Add Teams channels and chats, and when to use which");
        Assert.Contains(items, li => li.TextContent.Contains("Join a Teams meeting", StringComparison.Ordinal) && li.QuerySelector("button") is null && li.TextContent.Contains("In this path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MatchesHandler_ReturnsTheFragmentTheScriptShows()
    {
        var slug = await _curator.CreatePathAsync("Fragment path");

        var html = await _curator.GetStringAsync($"/paths/{slug}/edit?handler=Matches&q=password");

        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("Use a password manager", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAndPublish_LearnersSeeModulesInOrderWithTotalTime_RevisionAndAuditRecorded()
    {
        var slug = await _curator.CreatePathAsync("Meetings that work", "Run a meeting people are glad they joined.");
        await _curator.AddModuleAsync(slug, "teams meeting", "join-a-teams-meeting");
        await _curator.AddModuleAsync(slug, "notes", "meeting-notes-that-lead-to-action");

        var page = await _curator.PressAsync(slug, b => b.Named("Publish path"));

        Assert.Contains("Published as revision 1", page.Text("[role=status]"), StringComparison.Ordinal);
        var minutes = await MinutesAsync("join-a-teams-meeting", "meeting-notes-that-lead-to-action");
        Assert.Equal($"2 modules, about {minutes} minutes in all.", page.Text("#path-total"));
        var learnerPage = await _learner.GetPageAsync($"/paths/{slug}");
        Assert.Equal(["/modules/join-a-teams-meeting", "/modules/meeting-notes-that-lead-to-action"], learnerPage.QuerySelectorAll(".path-modules h2 a").Select(a => a.GetAttribute("href")));
        var revision = await WithDbAsync(db => db.LearningPathRevisions.Include(r => r.Modules).SingleAsync(r => db.LearningPaths.Any(p => p.Slug == slug && p.Id == r.LearningPathId)));
        Assert.Equal((1, _curatorName, RevisionSource.Editor, 2), (revision.Number, revision.CreatedBy, revision.Source, revision.Modules.Count));
        Assert.Contains(await factory.AuditAsync(AuditAction.Published), e => e.Subject == $"paths/{slug}" && e.Actor == _curatorName && e.Details == "revision 1");
        Assert.StartsWith($"Revision 1 (live): “Meetings that work”, 2 modules, published by {_curatorName} on ", System.Text.RegularExpressions.Regex.Replace(page.Text("#path-revisions li"), @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveUpAndMoveDown_ChangeTheOrder()
    {
        var slug = await _curator.CreatePathAsync("Order path");
        await _curator.AddModuleAsync(slug, "phishing", "spot-a-phishing-message");
        await _curator.AddModuleAsync(slug, "password manager", "use-a-password-manager");
        await _curator.AddModuleAsync(slug, "passkeys", "passkeys-and-two-step-sign-in");

        await _curator.PressAsync(slug, b => b.Named("Move up", "Set up passkeys and two-step sign-in"));
        var page = await _curator.PressAsync(slug, b => b.Named("Move down", "Spot a phishing message"));

        Assert.Equal(["passkeys-and-two-step-sign-in", "spot-a-phishing-message", "use-a-password-manager"],
            page.QuerySelectorAll("#path-builder-modules > li").Select(li => li.GetAttribute("data-module")));
        Assert.NotNull(page.QuerySelector("#path-builder-modules > li:first-child button[disabled]"));
    }

    [Fact]
    public async Task Reorder_WithTheWholeList_SavesTheDraggedOrder_AndAnIncompleteListChangesNothing()
    {
        var slug = await _curator.CreatePathAsync("Dragged path");
        await _curator.AddModuleAsync(slug, "phishing", "spot-a-phishing-message");
        await _curator.AddModuleAsync(slug, "password manager", "use-a-password-manager");
        var page = await _curator.GetPageAsync($"/paths/{slug}/edit");
        var form = page.QuerySelector<IHtmlFormElement>("#reorder-form")!;

        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using (var wrong = await _curator.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("order", "use-a-password-manager")])))
        {
            Assert.Contains("The path changed meanwhile", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var response = await _curator.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("order", "use-a-password-manager,spot-a-phishing-message")]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await _curator.GetPageAsync($"/paths/{slug}/edit");
        Assert.Equal(["use-a-password-manager", "spot-a-phishing-message"], after.QuerySelectorAll("#path-builder-modules > li").Select(li => li.GetAttribute("data-module")));
    }

    [Fact]
    public async Task EditingAPublishedPath_MakesADraft_LearnersKeepTheRevisionUntilPublished_AddedAtKept()
    {
        var slug = await _curator.CreatePathAsync("Revised path");
        await _curator.AddModuleAsync(slug, "phishing", "spot-a-phishing-message");
        await _curator.PressAsync(slug, b => b.Named("Publish path"));
        var firstAdded = await AddedAtAsync(slug, "spot-a-phishing-message");

        await _curator.AddModuleAsync(slug, "password manager", "use-a-password-manager");
        await _curator.PressAsync(slug, b => b.Named("Save details"), [new("Title", "Revised path, second edition"), new("Summary", "Now longer.")]);

        Assert.Equal(1, await WithDbAsync(db => db.LearningPathDrafts.CountAsync(d => d.LearningPath.Slug == slug)));
        var learnerBefore = await _learner.GetPageAsync($"/paths/{slug}");
        Assert.Equal("Revised path", learnerBefore.Text("h1"));
        Assert.Single(learnerBefore.QuerySelectorAll(".path-modules h2 a"));

        var page = await _curator.PressAsync(slug, b => b.Named("Publish changes"));

        Assert.Contains("Published as revision 2", page.Text("[role=status]"), StringComparison.Ordinal);
        var learnerAfter = await _learner.GetPageAsync($"/paths/{slug}");
        Assert.Equal("Revised path, second edition", learnerAfter.Text("h1"));
        Assert.Equal(2, learnerAfter.QuerySelectorAll(".path-modules h2 a").Length);
        Assert.Equal(firstAdded, await AddedAtAsync(slug, "spot-a-phishing-message"));
        Assert.Equal(0, await WithDbAsync(db => db.LearningPathDrafts.CountAsync(d => d.LearningPath.Slug == slug)));
        Assert.Equal(["Revision 2 (live)", "Revision 1"], page.QuerySelectorAll("#path-revisions li strong").Select(s => s.TextContent));
    }

    [Fact]
    public async Task UnpublishRepublishArchive_ShowAndHideThePath_AndArchivedCannotBeChanged()
    {
        var slug = await _curator.CreatePathAsync("Status path");
        await _curator.AddModuleAsync(slug, "phishing", "spot-a-phishing-message");
        await _curator.PressAsync(slug, b => b.Named("Publish path"));

        await _curator.PressAsync(slug, b => b.Named("Unpublish path"));
        Assert.Equal(HttpStatusCode.NotFound, (await _learner.GetAsync($"/paths/{slug}")).StatusCode);

        await _curator.PressAsync(slug, b => b.Named("Publish path again"));
        Assert.Equal(HttpStatusCode.OK, (await _learner.GetAsync($"/paths/{slug}")).StatusCode);

        var archived = await _curator.PressAsync(slug, b => b.Named("Archive path"));
        Assert.Equal(HttpStatusCode.NotFound, (await _learner.GetAsync($"/paths/{slug}")).StatusCode);
        Assert.Empty(archived.QuerySelectorAll("#path-builder-modules button"));
        Assert.Contains(await factory.AuditAsync(AuditAction.Archived), e => e.Subject == $"paths/{slug}");
        Assert.Contains(await factory.AuditAsync(AuditAction.Unpublished), e => e.Subject == $"paths/{slug}");

        var token = archived.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var response = await _curator.PostAsync($"/paths/{slug}/edit?handler=Details", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Title", "Changed"), new("Summary", "")]));
        Assert.Contains("This path is archived; it cannot be changed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Status path", await WithDbAsync(db => db.LearningPaths.Where(p => p.Slug == slug).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Publish_WithoutModules_SaysSoAndPublishesNothing()
    {
        var slug = await _curator.CreatePathAsync("Empty path");

        var page = await _curator.PressAsync(slug, b => b.Named("Publish path"));

        Assert.Contains("Add at least one module before publishing.", page.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(PathStatus.Draft, await WithDbAsync(db => db.LearningPaths.Where(p => p.Slug == slug).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Cover_UploadedThroughTheMediaChecks_ShownOnThePathCardOncePublished()
    {
        var slug = await _curator.CreatePathAsync("Covered path");
        await _curator.AddModuleAsync(slug, "phishing", "spot-a-phishing-message");
        var page = await _curator.GetPageAsync($"/paths/{slug}/edit");

        using var refused = await UploadCoverAsync(page, slug, "cover.png", "not an image"u8.ToArray());
        var refusedPage = HtmlPages.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("This file is not an image SkillBridge accepts.", refusedPage.Text("#cover ~ .field-error"), StringComparison.Ordinal);
        Assert.Null(await WithDbAsync(db => db.LearningPathDrafts.Where(d => d.LearningPath.Slug == slug).Select(d => d.CoverPath).SingleAsync()));

        using var stored = await UploadCoverAsync(page, slug, "Team Photo.png", TestImages.Png(8, 4));
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        await _curator.PressAsync(slug, b => b.Named("Publish path"));

        var cards = await _learner.GetPageAsync("/paths");
        var card = cards.QuerySelectorAll(".card").Single(c => c.QuerySelector("h2 a")?.GetAttribute("href") == $"/paths/{slug}");
        var image = card.QuerySelector<IHtmlImageElement>("img.path-card-cover")!;
        Assert.StartsWith("/media/", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(("8", "4", ""), (image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("alt")));
        Assert.Equal("images/team-photo.png", await WithDbAsync(db => db.LearningPaths.Where(p => p.Slug == slug).Select(p => p.CoverPath).SingleAsync()));
    }

    [Fact]
    public async Task UnavailableModule_StaysInThePath_WarnedAbout_HiddenFromLearners_NotCounted()
    {
        using var site = new SkillBridgeWebFactory();
        using var curator = await site.SignedInClientAsync(Infrastructure.Accounts.UniqueName("path.curator"), Roles.Curator);
        using var learner = site.CreateBrowser();
        var slug = await curator.CreatePathAsync("Path with a retired module");
        await curator.AddModuleAsync(slug, "phishing", "spot-a-phishing-message");
        await curator.AddModuleAsync(slug, "password manager", "use-a-password-manager");
        await curator.PressAsync(slug, b => b.Named("Publish path"));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<PublishingWorkflow>().UnpublishAsync("use-a-password-manager", new("someone.curating", false, true));
            Assert.True(result.Succeeded, result.Message);
        }

        var builder = await curator.GetPageAsync($"/paths/{slug}/edit");
        Assert.Contains("1 module in this path is unavailable", builder.Text("#unavailable-warning"), StringComparison.Ordinal);
        Assert.Contains("Unavailable: unpublished", builder.Text("#m-use-a-password-manager"), StringComparison.Ordinal);
        var minutes = await MinutesAsync(site, "spot-a-phishing-message");
        Assert.StartsWith($"2 modules, about {minutes} minutes in all", builder.Text("#path-total"), StringComparison.Ordinal);
        var learnerPage = await learner.GetPageAsync($"/paths/{slug}");
        Assert.Equal(["/modules/spot-a-phishing-message"], learnerPage.QuerySelectorAll(".path-modules h2 a").Select(a => a.GetAttribute("href")));
        Assert.Equal(2, await WithDbAsync(site, db => db.LearningPaths.Where(p => p.Slug == slug).SelectMany(p => p.Modules).CountAsync()));
    }

    private async Task<HttpResponseMessage> UploadCoverAsync(IHtmlDocument page, string slug, string fileName, byte[] bytes)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("image/png");
        content.Add(file, "cover", fileName);
        return await _curator.PostAsync($"/paths/{slug}/edit?handler=Cover", content);
    }

    private Task<DateTime> AddedAtAsync(string slug, string module) =>
        WithDbAsync(db => db.LearningPaths.Where(p => p.Slug == slug).SelectMany(p => p.Modules).Where(m => m.Module.Slug == module).Select(m => m.AddedAt).SingleAsync());

    private Task<int> MinutesAsync(params string[] modules) => MinutesAsync(factory, modules);

    private static Task<int> MinutesAsync(SkillBridgeWebFactory site, params string[] modules) =>
        WithDbAsync(site, db => db.Modules.Where(m => modules.Contains(m.Slug)).SumAsync(m => m.PublishedRevision!.Minutes));

    [Fact]
    public async Task SaveDetails_AnotherCuratorChangedTheTitleMeanwhile_SaysWhatItReadsThenSavesOnTheSecondPress()
    {
        var slug = await _curator.CreatePathAsync("Two curators");
        using var other = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("path.other"), Roles.Curator);
        var stale = await _curator.GetPageAsync($"/paths/{slug}/edit");
        await other.PressAsync(slug, b => b.Named("Save details"), [new("Title", "Their title"), new("Summary", "A path for the tests.")]);

        var refused = await _curator.PressAsync(stale, b => b.Named("Save details"), [new("Title", "My title"), new("Summary", "A path for the tests.")]);

        Assert.Contains("Someone else changed the title to \u201cTheir title\u201d", refused.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("My title", refused.QuerySelector<IHtmlInputElement>("#Title")!.Value);
        Assert.Equal("Their title", await TitleAsync(slug));

        await _curator.PressAsync(refused, b => b.Named("Save details"), [new("Title", "My title"), new("Summary", "A path for the tests.")]);

        Assert.Equal("My title", await TitleAsync(slug));
    }

    [Fact]
    public async Task AddModule_AnotherCuratorSavesBetweenTheReadAndTheSave_BothModulesEndUpInThePath()
    {
        var slug = await _curator.CreatePathAsync("Busy path");
        var curator = new Actor(_curatorName, IsAuthor: false, IsCurator: true);
        var other = new SaveFirst(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            Assert.True((await scope.ServiceProvider.GetRequiredService<PathBuilder>().AddModuleAsync(slug, curator, "join-a-teams-meeting")).Succeeded);
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var options = new DbContextOptionsBuilder<SkillBridgeDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<SkillBridgeDbContext>>())
            .AddInterceptors(other).Options;
        await using var db = new SkillBridgeDbContext(options);

        var result = await new PathBuilder(db, TimeProvider.System).AddModuleAsync(slug, curator, "share-your-screen");

        Assert.True(result.Succeeded);
        Assert.True(other.Ran);
        var inPath = await WithDbAsync(async d =>
        {
            var ids = await d.LearningPathDrafts.Where(x => x.LearningPath.Slug == slug).Select(x => x.ModuleIds).SingleAsync();
            return await d.Modules.Where(m => ids.Contains(m.Id)).Select(m => m.Slug).ToListAsync();
        });
        Assert.Equal(["join-a-teams-meeting", "share-your-screen"], inPath.Order());
    }

    private async Task<string> TitleAsync(string slug) =>
        (await _curator.GetPageAsync($"/paths/{slug}/edit")).QuerySelector<IHtmlInputElement>("#Title")!.Value;

    private Task<T> WithDbAsync<T>(Func<SkillBridgeDbContext, Task<T>> work) => WithDbAsync(factory, work);

    private static async Task<T> WithDbAsync<T>(SkillBridgeWebFactory site, Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }
}

/// <summary>Lets another save happen just before this context's first save, as when two curators press at once.</summary>
internal sealed class SaveFirst(Func<Task> otherSave) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
    public bool Ran { get; private set; }

    public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!Ran)
        {
            Ran = true;
            await otherSave();
        }

        return result;
    }
}
