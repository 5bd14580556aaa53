using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Tests.Authoring;

public sealed class DraftEditorTests
{
    [Fact]
    public async Task CreateAsync_Author_CreatesAnUnpublishedModuleWithADraft()
    {
        await using var site = await AuthoringSite.CreateAsync();

        var result = await site.CreateAsync(AuthoringSite.Content("Write better meeting notes"));

        Assert.True(result.Succeeded);
        var module = await site.Site.WithDbAsync(db => db.Modules.SingleAsync(m => m.Slug == "write-better-meeting-notes"));
        Assert.Equal(ModuleStatus.Draft, module.Status);
        Assert.Null(module.PublishedRevisionId);
        Assert.Equal(DraftState.Editing, result.Value!.State);
    }

    [Fact]
    public async Task CreateAsync_TitleTaken_GetsTheNextFreeSlug()
    {
        await using var site = await AuthoringSite.CreateAsync();

        var result = await site.CreateAsync(AuthoringSite.Content("Share your screen"));

        Assert.Equal("share-your-screen-2", result.Value!.Module.Slug);
    }

    [Fact]
    public async Task CreateAsync_Learner_IsForbidden()
    {
        await using var site = await AuthoringSite.CreateAsync();

        var result = await site.CreateAsync(AuthoringSite.Content(), AuthoringSite.Learner);

        Assert.Equal(AuthoringFailure.Forbidden, result.Failure);
        Assert.Equal(1, await site.Site.WithDbAsync(db => db.Modules.CountAsync()));
    }

    [Fact]
    public async Task CreateAsync_NoTitle_IsRefusedAndNothingStored()
    {
        await using var site = await AuthoringSite.CreateAsync();

        var result = await site.CreateAsync(AuthoringSite.Content(title: " "));

        Assert.Equal(AuthoringFailure.Invalid, result.Failure);
        Assert.Contains(result.Problems, p => p.Field == "Title");
        Assert.Equal(0, await site.Site.WithDbAsync(db => db.ModuleDrafts.CountAsync()));
    }

    [Fact]
    public async Task SaveAsync_CurrentVersion_SavesAndMovesTheVersionOn()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var draft = (await site.CreateAsync(AuthoringSite.Content())).Value!;

        var result = await site.SaveAsync(draft.Module.Slug, draft.Version, AuthoringSite.Content(title: "Meeting notes that lead to action"));

        Assert.True(result.Succeeded);
        Assert.Equal(draft.Version + 1, result.Value!.Version);
        Assert.Equal("Meeting notes that lead to action", await site.Site.WithDbAsync(db => db.ModuleDrafts.Select(d => d.Title).SingleAsync()));
    }

    [Fact]
    public async Task SaveAsync_SomeoneSavedSince_IsRefusedWithTheirVersionAndKeepsTheirs()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var draft = (await site.CreateAsync(AuthoringSite.Content(authors: ["priya.shah", "tom.okafor"]))).Value!;
        var slug = draft.Module.Slug;
        Assert.True((await site.SaveAsync(slug, draft.Version, AuthoringSite.Content(title: "Tom's title", authors: ["priya.shah", "tom.okafor"]), AuthoringSite.OtherAuthor)).Succeeded);

        var result = await site.SaveAsync(slug, draft.Version, AuthoringSite.Content(title: "Priya's title", authors: ["priya.shah", "tom.okafor"]));

        Assert.Equal(AuthoringFailure.Conflict, result.Failure);
        Assert.Equal("Tom's title", result.Value!.Title);
        Assert.Contains("tom.okafor saved this module while you were editing it", result.Message, StringComparison.Ordinal);
        Assert.Equal("Tom's title", await site.Site.WithDbAsync(db => db.ModuleDrafts.Select(d => d.Title).SingleAsync()));
    }

    [Fact]
    public async Task SaveAsync_NotAnAuthorOfTheModule_IsForbidden()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var draft = (await site.CreateAsync(AuthoringSite.Content())).Value!;

        var result = await site.SaveAsync(draft.Module.Slug, draft.Version, AuthoringSite.Content(title: "Taken over"), AuthoringSite.OtherAuthor);

        Assert.Equal(AuthoringFailure.Forbidden, result.Failure);
    }

    [Fact]
    public async Task OpenAsync_PublishedModule_StartsADraftWhileThePublishedRevisionStaysLive()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync();

        var opened = await site.WithAsync(s => s.GetRequiredService<DraftEditor>().OpenAsync(slug, AuthoringSite.Author));
        var saved = await site.SaveAsync(slug, opened.Value!.Version, AuthoringSite.Content(title: "A new title in progress"));

        Assert.True(saved.Succeeded);
        var published = await site.Site.WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => m.PublishedRevision!.Title).SingleAsync());
        Assert.Equal("Write better meeting notes", published);
    }

    [Fact]
    public async Task AddImageAsync_TwoUploadsWithTheSameName_GetDistinctPaths()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = (await site.CreateAsync(AuthoringSite.Content())).Value!.Module.Slug;
        var (first, second) = await site.WithAsync(async s =>
        {
            var db = s.GetRequiredService<SkillBridgeDbContext>();
            var a = db.MediaFiles.Add(new Core.Media.MediaFile { Sha256 = new string('a', 64), ContentType = "image/png", Width = 2, Height = 1 }).Entity;
            var b = db.MediaFiles.Add(new Core.Media.MediaFile { Sha256 = new string('b', 64), ContentType = "image/png", Width = 2, Height = 1 }).Entity;
            await db.SaveChangesAsync();
            return (a, b);
        });

        var firstPath = await site.WithAsync(s => s.GetRequiredService<DraftEditor>().AddImageAsync(slug, AuthoringSite.Author, first, "Screen Shot.png"));
        var secondPath = await site.WithAsync(s => s.GetRequiredService<DraftEditor>().AddImageAsync(slug, AuthoringSite.Author, second, "Screen Shot.png"));

        Assert.Equal("images/screen-shot.png", firstPath.Value);
        Assert.Equal("images/screen-shot-2.png", secondPath.Value);
    }
}
