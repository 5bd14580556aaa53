using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>
/// A search for several required words runs in two steps (<see cref="SearchConjunction"/>): the modules holding every
/// word first, then one flat list of alternatives scored over them. It must find exactly what Lucene's own conjunction
/// finds, in the same order, with the same scores.
/// </summary>
[Collection(StarterSite.Name)]
public sealed class SearchConjunctionTests(SkillBridgeWebFactory factory)
{
    [Theory]
    [InlineData("password manager")]
    [InlineData("share screen")]
    [InlineData("how do i share my screen in teams")]
    [InlineData("share screen -zoom")]
    [InlineData("\"one window\" video call")]
    [InlineData("linked in profile")]
    [InlineData("screenshare call")]
    [InlineData("teams meeting")]
    [InlineData("summarise email thread -zoom")]
    public async Task Search_SeveralRequiredWords_FindsAndScoresWhatLuceneItselfDoes(string words)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (searcher, lease, query) = await BuildAsync(scope, words);
        using var _ = lease;
        var conjunction = SearchConjunction.Of(query);
        Assert.NotNull(conjunction);

        var expected = TopScoreDocCollector.Create(1000, false);
        searcher.Search(query, expected);
        var actual = TopScoreDocCollector.Create(1000, false);
        conjunction.Search(searcher, actual);

        Assert.True(expected.TotalHits > 0, $"nothing matches every word of \"{words}\"");
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        var (wanted, got) = (expected.GetTopDocs().ScoreDocs, actual.GetTopDocs().ScoreDocs);
        Assert.Equal(wanted.Select(d => d.Doc), got.Select(d => d.Doc));
        Assert.All(wanted.Zip(got), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 4));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("\"share your screen\"")]
    [InlineData("how do i share")]
    public async Task Of_OneRequiredPart_LeavesTheSearchToLucene(string words)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (_, lease, query) = await BuildAsync(scope, words);
        using var _ = lease;

        Assert.Null(SearchConjunction.Of(query));
    }

    private static async Task<(IndexSearcher Searcher, SearchIndex.Lease Lease, Query Query)> BuildAsync(AsyncServiceScope scope, string words)
    {
        var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        await index.EnsureStartedAsync();
        var lease = index.Acquire()!;
        var planner = new SearchQueryPlanner(lease.Searcher.IndexReader, index.Analyzer, SearchSynonymSet.Empty);
        return (lease.Searcher, lease, planner.Build(SearchQuery.Parse(words), allWords: true)!.Match);
    }
}
