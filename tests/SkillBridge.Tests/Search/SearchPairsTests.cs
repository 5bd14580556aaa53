using System.Text.RegularExpressions;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.Tests.Search;

/// <summary>
/// Phrases of common words matched through indexed word pairs (<see cref="SearchPairs"/>) find exactly the modules
/// that matching by position finds. The site here indexes every pair of its common words (a limit of one position),
/// so the starter content's phrases go through pairs as a large catalogue's slowest phrases do.
/// </summary>
public sealed partial class SearchPairsTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "pairs-" + Guid.NewGuid().ToString("N"));
    private readonly List<SkillBridgeWebFactory> _sites = [];
    private SkillBridgeWebFactory? _site;

    private SkillBridgeWebFactory Site => _site ??= NewSite(positionsLimit: 1);

    [Fact]
    public async Task Phrases_FromEveryStarterBody_FindTheSameModulesThroughPairsAsByPosition()
    {
        var phrases = await PhrasesFromBodiesAsync();
        var index = await ReadyIndexAsync();
        using var lease = index.Acquire();
        Assert.NotNull(lease);
        Assert.False(lease.Pairs.IsEmpty, "The index chose no pairs.");
        var throughPairs = 0;

        foreach (var phrase in phrases)
        {
            var withPairs = Matches(lease, index, lease.Pairs, phrase);
            var byPosition = Matches(lease, index, SearchPairs.None, phrase);

            Assert.True(byPosition.SetEquals(withPairs), $"\"{phrase}\": {withPairs.Count} module(s) through pairs, {byPosition.Count} by position.");
            throughPairs += UsesPairs(lease, index, phrase) ? 1 : 0;
        }

        Assert.True(throughPairs >= phrases.Count / 4, $"Only {throughPairs} of {phrases.Count} phrases went through pairs.");
    }

    [Fact]
    public async Task ModuleTakenOutAndBackThroughTheChangeLog_IsFoundThroughPairsAgain()
    {
        const string Slug = "spot-a-phishing-message";
        var index = await ReadyIndexAsync();
        var phrases = await PhrasesFromBodiesAsync(Slug);

        await SetStatusAsync(Slug, Core.Modules.ModuleStatus.Unpublished);
        await index.CatchUpAsync();
        using (var lease = index.Acquire())
        {
            Assert.Equal(-1, await DocumentOfAsync(lease!, Slug));
        }

        await SetStatusAsync(Slug, Core.Modules.ModuleStatus.Published);
        await index.CatchUpAsync();

        using var after = index.Acquire();
        Assert.NotNull(after);
        var document = await DocumentOfAsync(after, Slug);
        var inTheModule = phrases.Where(p => UsesPairs(after, index, p) && Matches(after, index, SearchPairs.None, p).Contains(document)).ToList();
        Assert.NotEmpty(inTheModule);
        Assert.All(inTheModule, p => Assert.Contains(document, Matches(after, index, after.Pairs, p)));
    }

    [Fact]
    public void PairsField_ReadBeforeTheBody_AnalysesTheBodyItselfAndGivesTheSamePairs()
    {
        using var analyzer = SearchAnalysis.Create();
        const string Body = "Open the app. Open the app again, then share the screen and share the file with the team.";
        var pairs = SearchPairs.Choose(analyzer, [Body, "the app and the team", "share the app"], 3, 1);
        var document = new SearchDocument(1, "s", "t", "", Body, "tools", "Tools", Core.Modules.ModuleLevel.Beginner, 5, [], []).ToDocument(pairs);
        var body = document.GetField(SearchFields.Body);
        var pairsField = document.GetField(SearchFields.BodyPairs);

        var alone = Terms(pairsField.GetTokenStream(analyzer));
        Terms(body.GetTokenStream(analyzer));
        var afterBody = Terms(pairsField.GetTokenStream(analyzer));

        Assert.Contains("open the", alone);
        Assert.Contains("share the", alone);
        Assert.Equal(alone, afterBody);
    }

    [Fact]
    public void CommitText_ReadBack_IsTheSameChoice()
    {
        using var analyzer = SearchAnalysis.Create();
        var pairs = SearchPairs.Choose(analyzer, ["the app and the team", "share the app", "the screen"], 100_000, 100_000);

        var read = SearchPairs.FromCommitText(pairs.ToCommitText());

        Assert.NotNull(read);
        Assert.Equal(pairs.ToCommitText(), read.ToCommitText());
        Assert.True(read.Indexed("the", "app"));
        Assert.False(read.Indexed("screen", "app"));
        Assert.Null(SearchPairs.FromCommitText("not a choice"));
    }

    [Fact]
    public async Task IndexWhosePairsWereChosenWithAnotherLimit_AtStartUp_KeepsServingAndIsRebuiltWithPairs()
    {
        using (var before = NewSite(positionsLimit: long.MaxValue))
        {
            var old = before.Services.GetRequiredService<SearchIndex>();
            await old.EnsureStartedAsync();
            using var lease = old.Acquire();
            Assert.True(lease!.Pairs.IsEmpty);
        }

        var index = await ReadyIndexAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var lease = index.Acquire();
            Assert.NotNull(lease);
            if (!lease.Pairs.IsEmpty)
            {
                break;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The index was not rebuilt with pairs.");
            await Task.Delay(20);
        }

        using var rebuilt = index.Acquire();
        Assert.Equal(1, rebuilt!.Pairs.PositionsLimit);
        Assert.True(rebuilt.Searcher.IndexReader.NumDocs > 0);
    }

    [Theory]
    [InlineData(4_000, 9_999, false)]
    [InlineData(4_000, 10_000, true)]
    [InlineData(6_000, 10_000, false)]
    [InlineData(20_000, 40_000, true)]
    [InlineData(20_000, 39_999, false)]
    public void ChooseAgain_TheCatalogueDoubledPastTheLimit_IsTrue(int chosenFor, int now, bool again)
    {
        using var analyzer = SearchAnalysis.Create();
        var options = new SearchOptions();
        var pairs = SearchPairs.Choose(analyzer, ["the app and the team"], chosenFor, options.PhrasePositionsLimit);

        Assert.Equal(again, pairs.ChooseAgain(now, options));
        Assert.True(pairs.ChooseAgain(chosenFor, new SearchOptions { PhrasePositionsLimit = options.PhrasePositionsLimit + 1 }));
    }

    public void Dispose()
    {
        foreach (var site in _sites)
        {
            site.Dispose();
        }

        TestDatabases.Drop(_dataPath);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail the run.
        }
    }

    /// <summary>Sets a module's status in the database and logs the change, as another node's publish or unpublish does.</summary>
    private async Task SetStatusAsync(string slug, Core.Modules.ModuleStatus status)
    {
        await WithDbAsync(async db =>
        {
            var id = await db.Modules.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync();
            await db.Modules.Where(m => m.Id == id).ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, status));
            db.SearchChanges.Add(new SearchChange { ModuleId = id, RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The module's document in the leased index, or -1 when it is not there.</summary>
    private async Task<int> DocumentOfAsync(SearchIndex.Lease lease, string slug)
    {
        var id = await WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync());
        var term = new Term(SearchFields.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return lease.Searcher.Search(new TermQuery(term), 1).ScoreDocs is [var hit] ? hit.Doc : -1;
    }

    private SkillBridgeWebFactory NewSite(long positionsLimit)
    {
        var site = new SkillBridgeWebFactory
        {
            Settings =
            {
                ["SkillBridge:DataPath"] = _dataPath,
                ["SkillBridge:Search:IndexPath"] = Path.Combine(_dataPath, "index-pairs"),
                ["SkillBridge:Search:PhrasePositionsLimit"] = positionsLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SkillBridge:Search:PairsRebuildFrom"] = "1",
            },
        };
        _sites.Add(site);
        return site;
    }

    private async Task<SearchIndex> ReadyIndexAsync()
    {
        var index = Site.Services.GetRequiredService<SearchIndex>();
        await index.EnsureStartedAsync();
        Assert.True(index.IsReady);
        return index;
    }

    /// <summary>
    /// Two- and three-word runs from every published body (or only <paramref name="slug"/>'s), a few from each, and the
    /// first two words reversed (mostly found nowhere).
    /// </summary>
    private async Task<List<string>> PhrasesFromBodiesAsync(string? slug = null)
    {
        var bodies = await WithDbAsync(db => db.Modules.Where(m => m.PublishedRevisionId != null && (slug == null || m.Slug == slug)).Select(m => m.PublishedRevision!.Body).ToListAsync());
        var phrases = new List<string>();
        foreach (var body in bodies)
        {
            var runs = Run().Matches(SearchText.PlainBody(body)).Select(m => m.Value.ToLowerInvariant()).ToList();
            foreach (var run in runs.Where((_, i) => i % 5 == 0))
            {
                var words = run.Split(' ');
                phrases.Add(string.Join(' ', words.Take(2)));
                phrases.Add(run);
                phrases.Add(string.Join(' ', words.Take(2).Reverse()));
            }
        }

        return [.. phrases.Distinct(StringComparer.Ordinal)];
    }

    private static HashSet<int> Matches(SearchIndex.Lease lease, SearchIndex index, SearchPairs pairs, string phrase)
    {
        var searcher = lease.Searcher;
        var planner = new SearchQueryPlanner(searcher.IndexReader, index.Analyzer, SearchSynonymSet.Empty, pairs);
        var built = planner.Build(SearchQuery.Parse($"\"{phrase}\""), allWords: true);
        return built is null ? [] : [.. searcher.Search(built.Match, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs.Select(d => d.Doc)];
    }

    private static bool UsesPairs(SearchIndex.Lease lease, SearchIndex index, string phrase)
    {
        var planner = new SearchQueryPlanner(lease.Searcher.IndexReader, index.Analyzer, SearchSynonymSet.Empty, lease.Pairs);
        return planner.Build(SearchQuery.Parse($"\"{phrase}\""), allWords: true)?.Match.ToString().Contains(SearchFields.BodyPairs + ":", StringComparison.Ordinal) == true;
    }

    private async Task<T> WithDbAsync<T>(Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }

    private static List<string> Terms(Lucene.Net.Analysis.TokenStream stream)
    {
        var terms = new List<string>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        stream.Dispose();
        return terms;
    }

    /// <summary>Three words of letters in a row, separated by single spaces.</summary>
    [GeneratedRegex(@"\b[A-Za-z]+ [A-Za-z]+ [A-Za-z]+\b")]
    private static partial Regex Run();
}
