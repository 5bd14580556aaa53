using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using SkillBridge.Core.Data;
using SkillBridge.Core.Search;

namespace SkillBridge.Tests.Search;

/// <summary>Counting stops after <see cref="SearchService.TotalCap"/> matches; below the cap the total is exact.</summary>
public sealed class SearchTotalCapTests : IDisposable
{
    private const int TitledId = 1030;

    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SearchTotalCapTests()
    {
        connection.Open();
        foreach (var statement in SearchSchema.CreateIndexStatements.Concat(SearchSchema.CreateDocumentsStatements))
        {
            Execute(statement);
        }

        Execute($"CREATE TABLE \"{SearchSchema.StateTable}\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Version\" INTEGER NOT NULL)");
        Execute($"INSERT INTO \"{SearchSchema.StateTable}\" VALUES (1, 1)");

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO "{SearchSchema.IndexTable}" (rowid, title, tags, summary, body, authors, slug, category, level, minutes, author_keys, author_names)
            VALUES ($id, $title, '', 'summary', $body, '', $slug, 'tools', 'Beginner', 10, '|a|', 'A')
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var slug = insert.Parameters.Add("$slug", SqliteType.Text);
        for (var i = 1; i <= SearchService.TotalCap + 50; i++)
        {
            id.Value = i;
            title.Value = i == TitledId ? "Common questions" : $"Module {i}";
            body.Value = i <= 5 ? "common rare" : "common";
            slug.Value = $"module-{i}";
            insert.ExecuteNonQuery();
        }

        Execute($"""
            INSERT INTO "{SearchSchema.HeadTable}" (rowid, title, tags, summary, filters)
            SELECT rowid, title, tags, summary, '' FROM "{SearchSchema.IndexTable}"
            """);

        transaction.Commit();
    }

    [Fact]
    public async Task Search_MoreMatchesThanTheCap_ReportsTheCapAndThatItIsCapped()
    {
        var found = await SearchAsync("common");

        Assert.Equal(SearchService.TotalCap, found.Total);
        Assert.True(found.TotalIsCapped);
        Assert.Equal(SearchService.TotalCap / SearchService.PageSize, found.PageCount);
        Assert.Equal(SearchService.PageSize, found.Hits.Count);
    }

    [Fact]
    public async Task Search_FewerMatchesThanTheCap_ReportsTheExactTotal()
    {
        var found = await SearchAsync("rare");

        Assert.Equal(5, found.Total);
        Assert.False(found.TotalIsCapped);
        Assert.Equal(5, found.Hits.Count);
    }

    [Fact]
    public async Task Search_ManyMatches_TheModuleWithTheWordInItsTitleComesFirst()
    {
        var found = await SearchAsync("common");

        Assert.Equal(TitledId, found.Hits[0].ModuleId);
    }

    [Fact]
    public async Task Search_ManyMatches_PagesFollowOnWithoutRepeats()
    {
        var seen = new List<int>();
        for (var page = 1; page <= 4; page++)
        {
            seen.AddRange((await SearchAsync("common -rare", page)).Hits.Select(h => h.ModuleId));
        }

        Assert.Equal(4 * SearchService.PageSize, seen.Distinct().Count());
        Assert.Equal(TitledId, seen[0]);
        Assert.DoesNotContain(seen, id => id <= 5);
    }

    [Fact]
    public async Task Search_MoreTitlesWithTheWordThanAreScored_ListsThemNewestFirst()
    {
        // Every title but one says "Module": more than the head tier scores, so they come newest (highest id) first.
        var found = await SearchAsync("module");

        Assert.Equal([SearchService.TotalCap + 50, SearchService.TotalCap + 49, SearchService.TotalCap + 48], found.Hits.Take(3).Select(h => h.ModuleId));
    }

    public void Dispose() => connection.Dispose();

    private async Task<SearchResults> SearchAsync(string query, int page = 1)
    {
        var options = new DbContextOptionsBuilder<SkillBridgeDbContext>().UseSqlite(connection).Options;
        await using var db = new SkillBridgeDbContext(options);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        using var facetMap = new SearchFacetMap();
        var search = new SearchService(db, new SearchVocabulary(TimeProvider.System), facetMap, cache, TimeProvider.System, NullLogger<SearchService>.Instance);
        return await search.SearchAsync(new SearchRequest(query, Page: page, IncludeFacets: false));
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
