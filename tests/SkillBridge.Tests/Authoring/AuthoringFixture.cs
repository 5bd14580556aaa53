using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Publishing;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Authoring;

/// <summary>A site with people and categories imported, and helpers to act as an author or a curator.</summary>
public sealed class AuthoringSite : IAsyncDisposable
{
    public static readonly Actor Author = new("priya.shah", IsAuthor: true, IsCurator: false);
    public static readonly Actor OtherAuthor = new("tom.okafor", IsAuthor: true, IsCurator: false);
    public static readonly Actor Curator = new("helen.carter", IsAuthor: false, IsCurator: true);
    public static readonly Actor Learner = new("sam.reader", IsAuthor: false, IsCurator: false);

    public const string ValidBody = """
        Why this matters.

        ## First step
        Do the first thing.

        ## Second step
        Then the second.

        ```quiz
        question: Which comes first?
        options:
          - text: The first step
            correct: true
          - text: The second step
        explanation: The first step comes first.
        ```
        """;

    private AuthoringSite(TestSite site) => Site = site;

    public TestSite Site { get; }

    public static async Task<AuthoringSite> CreateAsync()
    {
        var site = await TestSite.CreateAsync();
        using var content = ContentBuilder.Valid().People("priya.shah", "tom.okafor", "helen.carter");
        var imported = await site.ImportAsync(content.Root);
        Assert.True(imported.Succeeded, string.Join('\n', imported.Problems));
        return new AuthoringSite(site);
    }

    public static DraftContent Content(string title = "Write better meeting notes", string body = ValidBody, string? category = "tools", IReadOnlyList<string>? authors = null) =>
        new(title, "Notes people act on.", category, ["meetings"], ModuleLevel.Beginner, 5, null, body, authors ?? ["priya.shah"]);

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<AuthoringResult<ModuleDraft>> CreateAsync(DraftContent content, Actor? actor = null) =>
        WithAsync(s => s.GetRequiredService<DraftEditor>().CreateAsync(actor ?? Author, content));

    public Task<AuthoringResult<ModuleDraft>> SaveAsync(string slug, int version, DraftContent content, Actor? actor = null) =>
        WithAsync(s => s.GetRequiredService<DraftEditor>().SaveAsync(slug, version, content, actor ?? Author));

    public Task<AuthoringResult<ModuleDraft>> SubmitAsync(string slug, Actor? actor = null) =>
        WithAsync(s => s.GetRequiredService<PublishingWorkflow>().SubmitAsync(slug, actor ?? Author));

    public Task<AuthoringResult<ModuleRevision>> PublishAsync(string slug, Actor? actor = null) =>
        WithAsync(s => s.GetRequiredService<PublishingWorkflow>().PublishAsync(slug, actor ?? Curator));

    /// <summary>Creates, submits and publishes a module; returns its slug.</summary>
    public async Task<string> PublishedModuleAsync(string title = "Write better meeting notes")
    {
        var slug = (await CreateAsync(Content(title))).Value!.Module.Slug;
        Assert.True((await SubmitAsync(slug)).Succeeded);
        Assert.True((await PublishAsync(slug)).Succeeded);
        return slug;
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}
