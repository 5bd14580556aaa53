using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Modules;
using SkillBridge.Tests.Authoring;

namespace SkillBridge.Tests.Modules;

public sealed class ModuleHistoryTests
{
    [Fact]
    public async Task ListAsync_TwoPublishes_ListsBothNewestFirstWithWhoPublished()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await PublishedTwiceAsync(site);

        var revisions = await site.WithAsync(s => s.GetRequiredService<ModuleHistory>().ListAsync(slug));

        Assert.Equal([2, 1], revisions!.Select(r => r.Number));
        Assert.All(revisions!, r => Assert.Equal("helen.carter", r.CreatedBy));
        Assert.True(revisions![0].IsPublished);
        Assert.False(revisions[1].IsPublished);
    }

    [Fact]
    public async Task DiffAsync_TitleChanged_ShowsTheOldLineRemovedAndTheNewAdded()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await PublishedTwiceAsync(site);

        var diff = await site.WithAsync(s => s.GetRequiredService<ModuleHistory>().DiffAsync(slug, 1, 2));

        Assert.Contains(new DiffLine(DiffLineKind.Removed, "title: Write better meeting notes"), diff!);
        Assert.Contains(new DiffLine(DiffLineKind.Added, "title: Meeting notes, revised"), diff!);
        Assert.Contains(diff!, l => l.Kind == DiffLineKind.Unchanged && l.Text == "## First step");
    }

    [Fact]
    public async Task DiffAsync_UnknownRevision_ReturnsNull()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await PublishedTwiceAsync(site);

        Assert.Null(await site.WithAsync(s => s.GetRequiredService<ModuleHistory>().DiffAsync(slug, 1, 9)));
    }

    [Fact]
    public async Task RestoreAsDraftAsync_OldRevision_PutsItsContentInTheDraftAndLeavesThePublishedOneLive()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await PublishedTwiceAsync(site);

        var result = await site.WithAsync(s => s.GetRequiredService<ModuleHistory>().RestoreAsDraftAsync(slug, 1, AuthoringSite.Author));

        Assert.Equal("Write better meeting notes", result.Value!.Title);
        Assert.Equal(DraftState.Editing, result.Value.State);
        var live = await site.WithAsync(s => s.GetRequiredService<ModuleReader>().FindPublishedAsync(slug));
        Assert.Equal("Meeting notes, revised", live!.Title);
    }

    private static async Task<string> PublishedTwiceAsync(AuthoringSite site)
    {
        var slug = await site.PublishedModuleAsync();
        var opened = await site.WithAsync(s => s.GetRequiredService<DraftEditor>().OpenAsync(slug, AuthoringSite.Author));
        await site.SaveAsync(slug, opened.Value!.Version, AuthoringSite.Content(title: "Meeting notes, revised"));
        await site.SubmitAsync(slug);
        Assert.True((await site.PublishAsync(slug)).Succeeded);
        return slug;
    }
}
