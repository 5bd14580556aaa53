using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Search;
using SkillBridge.Core.Search.Synonyms;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Search.Synonyms;

/// <summary>
/// The synonym source each node keeps: its own changes in force at once, another node's within 2 s. "Another node" is a
/// second source instance with its own cache on the same database.
/// </summary>
public sealed class DatabaseSearchSynonymsTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.CreateAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public void Registered_SourceIsTheCuratorsList()
    {
        Assert.IsType<DatabaseSearchSynonyms>(_site.Services.GetRequiredService<ISearchSynonymSource>());
    }

    [Fact]
    public async Task CurrentAsync_NothingListed_IsEmpty()
    {
        var set = await _site.Services.GetRequiredService<ISearchSynonymSource>().CurrentAsync();

        Assert.Empty(set.Meanings);
        Assert.Empty(set.MeaningsOf("teams"));
    }

    [Fact]
    public async Task CurrentAsync_ChangeOnThisNode_IsInForceAtOnce()
    {
        var sut = _site.Services.GetRequiredService<ISearchSynonymSource>();
        var before = await sut.CurrentAsync();

        await AddAsync("Screenshare", "share your screen");

        // The clock stands still: only the node's own expiry can make the change visible.
        var after = await sut.CurrentAsync();
        Assert.Equal(["share your screen"], after.MeaningsOf(" SCREENSHARE "));
        Assert.True(after.Version > before.Version);
    }

    [Fact]
    public async Task CurrentAsync_SeveralMeanings_AreAllListed()
    {
        await AddAsync("tweet", "twitter");
        await AddAsync("tweet", "X");

        var set = await _site.Services.GetRequiredService<ISearchSynonymSource>().CurrentAsync();

        Assert.Equal(["twitter", "X"], set.MeaningsOf("tweet"));
    }

    [Fact]
    public async Task CurrentAsync_OtherNodesChange_IsSeenAtTheFirstQueryAfterTheCheckInterval()
    {
        using var otherNode = new DatabaseSearchSynonyms(_site.Services.GetRequiredService<IServiceScopeFactory>(), _site.Clock);
        Assert.Empty((await otherNode.CurrentAsync()).MeaningsOf("teems"));

        await AddAsync("teems", "teams");

        Assert.Empty((await otherNode.CurrentAsync()).MeaningsOf("teems"));
        _site.Clock.Advance(DatabaseSearchSynonyms.CheckInterval);
        Assert.Equal(["teams"], (await otherNode.CurrentAsync()).MeaningsOf("teems"));
    }

    [Fact]
    public async Task CurrentAsync_OtherNodesChangesInRealTime_AreInForceWithinTwoSeconds()
    {
        using var otherNode = new DatabaseSearchSynonyms(_site.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        Assert.Empty((await otherNode.CurrentAsync()).MeaningsOf("linked in"));

        await InForceWithinTwoSecondsAsync(otherNode, () => AddAsync("linked in", "linkedin"), set => set.MeaningsOf("linked in").SequenceEqual(["linkedin"]), "The addition");

        await InForceWithinTwoSecondsAsync(otherNode, RemoveAllAsync, set => set.MeaningsOf("linked in").Count == 0, "The removal");
    }

    /// <summary>
    /// Makes the change, then queries the other node as searches would until the change is in force there; fails when a
    /// query begun more than 2 s after the change started to be saved still goes without it. When a query began counts,
    /// not when the test got round to asking, so a busy machine cannot fail a node that keeps its promise; the clock
    /// starts before the save, so a slow save only makes the test stricter.
    /// </summary>
    private static async Task InForceWithinTwoSecondsAsync(DatabaseSearchSynonyms node, Func<Task> change, Func<SearchSynonymSet, bool> inForce, string what)
    {
        var clock = Stopwatch.StartNew();
        await change();
        while (true)
        {
            var begun = clock.Elapsed;
            if (inForce(await node.CurrentAsync()))
            {
                return;
            }

            Assert.True(begun <= TimeSpan.FromSeconds(2), $"{what} was not in force on the other node for a query begun {begun.TotalSeconds:0.00} s after it was saved, not within 2 s.");
            await Task.Delay(50);
        }
    }

    private async Task AddAsync(string searched, string meaning)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SearchSynonymService>().AddAsync(searched, meaning, "cora.curator");
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task RemoveAllAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SearchSynonymService>();
        foreach (var synonym in await service.ListAsync())
        {
            Assert.True((await service.RemoveAsync(synonym.Id, "cora.curator")).Succeeded);
        }
    }
}
