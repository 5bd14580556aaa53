using Microsoft.Extensions.DependencyInjection;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Publishing;

namespace SkillBridge.BrowserTests.Authoring;

/// <summary>Modules arranged through the site's own authoring services, for tests about what comes after writing them.</summary>
public static class Drafts
{
    public const string Body = """
        Why this matters: a short introduction.

        ## Open the report
        Choose Reports in the menu.

        ## Read the chart
        The chart shows this week's numbers.
        """;

    /// <summary>A new module in the Tools category, written by <paramref name="author"/>; returns its slug.</summary>
    public static async Task<string> CreateAsync(BrowserFixture site, string author, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftEditor>();
        var content = new DraftContent(title, "A module the browser tests wrote.", "tools", ["testing"], ModuleLevel.Beginner, 5, null, Body, [author]);
        var created = await drafts.CreateAsync(new Actor(author, IsAuthor: true, IsCurator: false), content);
        Assert.True(created.Succeeded, created.Message);
        return created.Value!.Module.Slug;
    }

    /// <summary>A new module as above, already submitted for review.</summary>
    public static async Task<string> CreateSubmittedAsync(BrowserFixture site, string author, string title)
    {
        var slug = await CreateAsync(site, author, title);
        await using var scope = site.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<PublishingWorkflow>();
        var submitted = await workflow.SubmitAsync(slug, new Actor(author, IsAuthor: true, IsCurator: false));
        Assert.True(submitted.Succeeded, submitted.Message ?? string.Join(" ", submitted.Problems.Select(p => p.Message)));
        return slug;
    }

    /// <summary>A new module as above, submitted and published by a curator.</summary>
    public static async Task<string> CreatePublishedAsync(BrowserFixture site, string author, string title)
    {
        var slug = await CreateSubmittedAsync(site, author, title);
        await using var scope = site.Services.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<PublishingWorkflow>().PublishAsync(slug, new Actor("browser-tests", IsAuthor: false, IsCurator: true));
        Assert.True(published.Succeeded, published.Message);
        return slug;
    }

    /// <summary>
    /// A published module whose next version a curator sent back once and its author submitted again: its review page shows
    /// changed words marked, a changed detail and the conversation.
    /// </summary>
    public static async Task<string> CreateResubmittedAsync(BrowserFixture site, string author, string title)
    {
        var slug = await CreatePublishedAsync(site, author, title);
        var writer = new Actor(author, IsAuthor: true, IsCurator: false);
        var curator = new Actor("browser-tests", IsAuthor: false, IsCurator: true);
        await using var scope = site.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftEditor>();
        var workflow = scope.ServiceProvider.GetRequiredService<PublishingWorkflow>();
        async Task SaveAndSubmitAsync(string body, int minutes)
        {
            var draft = (await drafts.OpenAsync(slug, writer)).Value!;
            var saved = await drafts.SaveAsync(slug, draft.Version, new DraftContent(title, "A module the browser tests wrote.", "tools", ["testing"], ModuleLevel.Beginner, minutes, null, body, [author]), writer);
            Assert.True(saved.Succeeded, saved.Message);
            var submitted = await workflow.SubmitAsync(slug, writer);
            Assert.True(submitted.Succeeded, submitted.Message);
        }

        await SaveAndSubmitAsync(Body.Replace("Choose Reports in the menu.", "Choose Reports in the main menu.", StringComparison.Ordinal), 5);
        var requested = await workflow.RequestChangesAsync(slug, curator, "Say where the main menu is.");
        Assert.True(requested.Succeeded, requested.Message);
        await SaveAndSubmitAsync(Body.Replace("Choose Reports in the menu.", "Choose Reports in the main menu on the left.", StringComparison.Ordinal).Replace("this week's numbers", "last week's numbers", StringComparison.Ordinal), 7);
        return slug;
    }

    /// <summary>
    /// Archives a module through the curators' workflow, taking it out of the catalogue again: every test shares one site, and
    /// others count the starter content's modules.
    /// </summary>
    public static async Task ArchiveAsync(BrowserFixture site, string slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<PublishingWorkflow>();
        var archived = await workflow.ArchiveAsync(slug, new Actor("browser-tests", IsAuthor: false, IsCurator: true));
        Assert.True(archived.Succeeded, archived.Message);
    }
}
