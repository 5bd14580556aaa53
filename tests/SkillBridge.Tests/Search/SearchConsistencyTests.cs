using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Publishing;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Authoring;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Infrastructure.Databases;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Search;

/// <summary>
/// Each node's index follows the search change log: the node that made a change has it before the request returns,
/// another node on the same database within 2 seconds, and a damaged index is rebuilt from the database at start-up.
/// </summary>
public sealed class SearchConsistencyTests
{
    private static readonly Actor Curator = new("helen.carter", IsAuthor: false, IsCurator: true);

    [Fact]
    public async Task Rename_ThenSearchInTheSameScope_FindsTheNewTitleAndNotTheOld()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync("Whiteboard etiquette for hybrid workshops");
        var draft = (await site.WithAsync(s => s.GetRequiredService<DraftEditor>().OpenAsync(slug, AuthoringSite.Author))).Value!;
        Assert.True((await site.SaveAsync(slug, draft.Version, AuthoringSite.Content("Kanban boards for hybrid workshops"))).Succeeded);
        Assert.True((await site.SubmitAsync(slug)).Succeeded);

        var (renamed, old) = await site.WithAsync(async services =>
        {
            Assert.True((await services.GetRequiredService<PublishingWorkflow>().PublishAsync(slug, AuthoringSite.Curator)).Succeeded);
            var search = services.GetRequiredService<SearchService>();
            return (await search.SearchAsync(new SearchRequest("kanban")), await search.SearchAsync(new SearchRequest("whiteboard")));
        });

        Assert.Equal(slug, Assert.Single(renamed.Hits).Slug);
        Assert.Empty(old.Hits);
    }

    [Fact]
    public async Task Publish_OnOneSite_IsFoundOnAnotherSiteOnTheSameDatabaseWithinTwoSeconds()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "nodes-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var first = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = dataPath, ["SkillBridge:Search:IndexPath"] = Path.Combine(dataPath, "index-first") } };
            using var second = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = dataPath, ["SkillBridge:Search:IndexPath"] = Path.Combine(dataPath, "index-second") } };
            const string slug = "spot-a-phishing-message";
            Assert.Contains(slug, await SlugsAsync(second, "phishing"));
            await ChangeAsync(first, w => w.UnpublishAsync(slug, Curator));
            Assert.DoesNotContain(slug, await SlugsAsync(first, "phishing"));
            await WithinTwoSecondsAsync(second, async () => !(await SlugsAsync(second, "phishing")).Contains(slug));

            await ChangeAsync(first, w => w.RepublishAsync(slug, Curator));

            Assert.Contains(slug, await SlugsAsync(first, "phishing"));
            await WithinTwoSecondsAsync(second, async () => (await SlugsAsync(second, "phishing")).Contains(slug));
        }
        finally
        {
            TestDatabases.Drop(dataPath);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task CorruptIndexFile_IsRebuiltAtStartUp()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "corrupt-" + Guid.NewGuid().ToString("N"));
        try
        {
            string indexPath;
            using (var before = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = dataPath } })
            {
                Assert.Contains("spot-a-phishing-message", await SlugsAsync(before, "phishing"));
                indexPath = before.Services.GetRequiredService<SearchIndex>().IndexPath;
            }

            // Garbage over every file of the index but the commit point: its segments can no longer be read.
            foreach (var file in Directory.EnumerateFiles(indexPath).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal)))
            {
                await File.WriteAllBytesAsync(file, new byte[128]);
            }

            using var after = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = dataPath } };
            Assert.Contains("spot-a-phishing-message", await SlugsAsync(after, "phishing"));
            await using var scope = after.Services.CreateAsyncScope();
            var check = await scope.ServiceProvider.GetRequiredService<SearchService>().CheckAsync();
            Assert.True(check.Consistent && check.Published > 0, $"{check.Indexed} indexed, {check.Published} published");
        }
        finally
        {
            TestDatabases.Drop(dataPath);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task Search_WhileTheFirstIndexIsBeingBuilt_SaysSoAndIsNotAMiss()
    {
        using var site = new SkillBridgeWebFactory();
        await using var scope = site.Services.CreateAsyncScope();
        var siteOptions = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.SkillBridgeOptions>>().Value;
        var options = new Core.SkillBridgeOptions
        {
            DatabaseProvider = siteOptions.DatabaseProvider,
            ConnectionString = siteOptions.ConnectionString,
            ResolvedDataPath = siteOptions.ResolvedDataPath,
            Search = new SearchOptions { IndexPath = Path.Combine(siteOptions.ResolvedDataPath, "index-being-built"), ForegroundBuildLimit = 0 },
        };
        using var index = new SearchIndex(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SearchIndex>.Instance);
        var sut = new SearchService(scope.ServiceProvider.GetRequiredService<Core.Data.SkillBridgeDbContext>(), index, new NoSearchSynonyms(), TimeProvider.System);
        await index.RebuildGate.WaitAsync();

        var preparing = await sut.SearchAsync(new SearchRequest("phishing"));

        Assert.NotNull(preparing.Preparing);
        Assert.True(preparing.Preparing.Value.Total > 0);
        Assert.False(preparing.IsMiss);
        index.RebuildGate.Release();
        var clock = Stopwatch.StartNew();
        while (!index.IsReady)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The index was not built in the background.");
            await Task.Yield();
        }

        Assert.Contains((await sut.SearchAsync(new SearchRequest("phishing"))).Hits, h => h.Slug == "spot-a-phishing-message");
    }

    [Fact]
    public async Task SearchPage_WhileTheFirstIndexIsBeingBuilt_SaysHowFarItHasGotAndLogsNoMiss()
    {
        SearchIndex? held = null;
        using var site = new SkillBridgeWebFactory
        {
            Settings = { ["SkillBridge:Search:ForegroundBuildLimit"] = "0", ["SkillBridge:Search:IndexPath"] = "index-not-built-yet" },
            TestServices = services => services.AddSingleton(provider =>
            {
                // The build waits at this gate, so the page is seen while the index is still being prepared.
                var index = ActivatorUtilities.CreateInstance<SearchIndex>(provider);
                index.RebuildGate.Wait();
                return held = index;
            }),
        };
        using var browser = site.CreateBrowser();

        var preparing = await browser.GetPageAsync("/search?q=phishing");

        Assert.Matches(@"^Search is being prepared \(0 of [1-9]\d* modules\)\. Please try again in a moment\.$", preparing.QuerySelector("#search-preparing")?.TextContent.Trim());
        Assert.Empty(preparing.QuerySelectorAll("a[href='/modules/spot-a-phishing-message']"));
        held!.RebuildGate.Release();
        var clock = Stopwatch.StartNew();
        while (!held.IsReady)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The index was not built in the background.");
            await Task.Delay(20);
        }

        var ready = await browser.GetPageAsync("/search?q=phishing");
        Assert.Null(ready.QuerySelector("#search-preparing"));
        Assert.NotEmpty(ready.QuerySelectorAll("a[href='/modules/spot-a-phishing-message']"));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<Core.Data.SkillBridgeDbContext>().MissedSearches);
    }

    private static async Task ChangeAsync(SkillBridgeWebFactory site, Func<PublishingWorkflow, Task<AuthoringResult<Core.Modules.Module>>> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True((await change(scope.ServiceProvider.GetRequiredService<PublishingWorkflow>())).Succeeded);
    }

    private static async Task<List<string>> SlugsAsync(SkillBridgeWebFactory site, string query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query));
        return [.. found.Hits.Select(h => h.Slug)];
    }

    /// <summary>The other site has the change, and by its own measure within 2 s of the change being recorded.</summary>
    private static Task WithinTwoSecondsAsync(SkillBridgeWebFactory site, Func<Task<bool>> condition) =>
        Eventually.AppliedWithinAsync(
            TimeSpan.FromSeconds(2), condition, () => Task.FromResult(site.Services.GetRequiredService<SearchIndex>().LastApplyDelay), "The other site applying the change");
}
