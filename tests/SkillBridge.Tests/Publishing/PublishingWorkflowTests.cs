using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Publishing;
using SkillBridge.Tests.Authoring;

namespace SkillBridge.Tests.Publishing;

public sealed class PublishingWorkflowTests
{
    [Fact]
    public async Task SubmitAsync_ValidDraft_GoesIntoReview()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = (await site.CreateAsync(AuthoringSite.Content())).Value!.Module.Slug;

        var result = await site.SubmitAsync(slug);

        Assert.Equal(DraftState.InReview, result.Value!.State);
        Assert.Equal(Core.Authoring.DraftState.InReview, await site.Site.WithDbAsync(db => db.ModuleDrafts.Select(d => d.State).SingleAsync()));
    }

    [Fact]
    public async Task SubmitAsync_NoCategoryAndNoSteps_NamesEachProblemAndStaysInEditing()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = (await site.CreateAsync(AuthoringSite.Content(category: null, body: "Only an introduction."))).Value!.Module.Slug;

        var result = await site.SubmitAsync(slug);

        Assert.Equal(AuthoringFailure.Invalid, result.Failure);
        Assert.Contains(result.Problems, p => p.Field == "Category");
        Assert.Contains(result.Problems, p => p.Field == "Body" && p.Message.Contains("step", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(DraftState.Editing, await site.Site.WithDbAsync(db => db.ModuleDrafts.Select(d => d.State).SingleAsync()));
    }

    [Fact]
    public async Task SubmitAsync_ImageWithoutAltText_IsRefused()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var body = AuthoringSite.ValidBody + "\n\n![](images/screen.png)\n";
        var slug = (await site.CreateAsync(AuthoringSite.Content(body: body))).Value!.Module.Slug;

        var result = await site.SubmitAsync(slug);

        Assert.Contains(result.Problems, p => p.Message.Contains("alt text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_ImageNotUploaded_IsRefused()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var body = AuthoringSite.ValidBody + "\n\n![A screenshot](images/missing.png)\n";
        var slug = (await site.CreateAsync(AuthoringSite.Content(body: body))).Value!.Module.Slug;

        var result = await site.SubmitAsync(slug);

        Assert.Contains(result.Problems, p => p.Message.Contains("images/missing.png has not been uploaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_ByAnAuthor_IsForbidden()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = (await site.CreateAsync(AuthoringSite.Content())).Value!.Module.Slug;
        await site.SubmitAsync(slug);

        var result = await site.PublishAsync(slug, AuthoringSite.Author);

        Assert.Equal(AuthoringFailure.Forbidden, result.Failure);
    }

    [Fact]
    public async Task PublishAsync_NotSubmitted_IsRefused()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = (await site.CreateAsync(AuthoringSite.Content())).Value!.Module.Slug;

        var result = await site.PublishAsync(slug);

        Assert.Equal(AuthoringFailure.WrongState, result.Failure);
    }

    [Fact]
    public async Task PublishAsync_Curator_CreatesRevisionOneAndTheModuleAppearsInTheCatalogue()
    {
        await using var site = await AuthoringSite.CreateAsync();

        var slug = await site.PublishedModuleAsync();

        var revision = await site.Site.WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => new { m.Status, m.PublishedRevision!.Number, m.PublishedRevision.CreatedBy, m.PublishedRevision.Source }).SingleAsync());
        Assert.Equal((ModuleStatus.Published, 1, "helen.carter", RevisionSource.Editor), (revision.Status, revision.Number, revision.CreatedBy, revision.Source));
        Assert.Equal(0, await site.Site.WithDbAsync(db => db.ModuleDrafts.CountAsync()));
        var catalogue = await site.WithAsync(s => s.GetRequiredService<CatalogueService>().GetPageAsync(new CatalogueQuery()));
        Assert.Contains(catalogue.Cards, c => c.Slug == slug);
    }

    [Fact]
    public async Task PublishAsync_EditOfAPublishedModule_CreatesRevisionTwo()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync();
        var opened = await site.WithAsync(s => s.GetRequiredService<DraftEditor>().OpenAsync(slug, AuthoringSite.Author));
        await site.SaveAsync(slug, opened.Value!.Version, AuthoringSite.Content(title: "Meeting notes, revised"));
        await site.SubmitAsync(slug);

        var result = await site.PublishAsync(slug);

        Assert.Equal(2, result.Value!.Number);
        Assert.Equal("Meeting notes, revised", await site.Site.WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => m.PublishedRevision!.Title).SingleAsync()));
        Assert.Equal(2, await site.Site.WithDbAsync(db => db.ModuleRevisions.CountAsync(r => r.Module.Slug == slug)));
    }

    [Fact]
    public async Task RequestChangesAsync_Curator_ShowsTheCommentAndLetsTheAuthorEditAndResubmit()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var draft = (await site.CreateAsync(AuthoringSite.Content())).Value!;
        var slug = draft.Module.Slug;
        await site.SubmitAsync(slug);

        var result = await site.WithAsync(s => s.GetRequiredService<PublishingWorkflow>().RequestChangesAsync(slug, AuthoringSite.Curator, "Add a screenshot of the template."));

        Assert.Equal(DraftState.ChangesRequested, result.Value!.State);
        Assert.Equal("Add a screenshot of the template.", await site.Site.WithDbAsync(db => db.ReviewComments.Select(c => c.Text).SingleAsync()));
        Assert.True((await site.SaveAsync(slug, result.Value.Version, AuthoringSite.Content(title: "Fixed"))).Succeeded);
        Assert.True((await site.SubmitAsync(slug)).Succeeded);
    }

    [Fact]
    public async Task RequestChangesAsync_WithoutAComment_IsRefused()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = (await site.CreateAsync(AuthoringSite.Content())).Value!.Module.Slug;
        await site.SubmitAsync(slug);

        var result = await site.WithAsync(s => s.GetRequiredService<PublishingWorkflow>().RequestChangesAsync(slug, AuthoringSite.Curator, "  "));

        Assert.Equal(AuthoringFailure.Invalid, result.Failure);
        Assert.Equal(DraftState.InReview, await site.Site.WithDbAsync(db => db.ModuleDrafts.Select(d => d.State).SingleAsync()));
    }

    [Fact]
    public async Task SaveAsync_AuthorWhileInReview_IsRefused()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var draft = (await site.CreateAsync(AuthoringSite.Content())).Value!;
        await site.SubmitAsync(draft.Module.Slug);

        var result = await site.SaveAsync(draft.Module.Slug, draft.Version, AuthoringSite.Content(title: "Sneaky edit"));

        Assert.Equal(AuthoringFailure.WrongState, result.Failure);
    }

    [Fact]
    public async Task UnpublishAsync_Curator_TakesTheModuleOutOfTheCatalogue()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync();

        var result = await site.WithAsync(s => s.GetRequiredService<PublishingWorkflow>().UnpublishAsync(slug, AuthoringSite.Curator));

        Assert.Equal(ModuleStatus.Unpublished, result.Value!.Status);
        Assert.Null(await site.WithAsync(s => s.GetRequiredService<ModuleReader>().FindPublishedAsync(slug)));
    }

    [Fact]
    public async Task ArchiveAsync_Author_IsForbidden()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync();

        var result = await site.WithAsync(s => s.GetRequiredService<PublishingWorkflow>().ArchiveAsync(slug, AuthoringSite.Author));

        Assert.Equal(AuthoringFailure.Forbidden, result.Failure);
    }
}
