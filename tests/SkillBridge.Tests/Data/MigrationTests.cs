using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_FreshDatabase_MatchesTheEfModel()
    {
        using var migrated = new TestDatabase();
        using var fromModel = new TestDatabase();
        await using (var db = await migrated.CreateMigratedContextAsync())
        {
        }

        await using (var db = fromModel.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeSchemaAsync(fromModel.ConnectionString);
        var actual = await DescribeSchemaAsync(migrated.ConnectionString);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        using var database = new TestDatabase();
        await using (var first = await database.CreateMigratedContextAsync())
        {
        }

        await using var second = await database.CreateMigratedContextAsync();
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await second.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_DatabaseOnTheFirstSchema_UpgradesKeepingItsModules()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync("20261122000000_Initial");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Categories (Key, Name, Description, Position) VALUES ('tools', 'Tools', '', 0);
                INSERT INTO Modules (Slug, Status, CreatedAt) VALUES ('kept', 'InReview', '2026-01-01 00:00:00');
                INSERT INTO ModuleRevisions (ModuleId, Number, Title, Summary, CategoryId, Level, Minutes, Body, UpdatedOn, CreatedAt, Source, ContentHash)
                VALUES (1, 1, 'Kept', 'S', 1, 'Beginner', 5, '## Step', '2026-01-01', '2026-01-01 00:00:00', 'Import', 'h');
                """);
        }

        await using var upgraded = await database.CreateMigratedContextAsync();

        var module = await upgraded.Modules.Include(m => m.Revisions).SingleAsync();
        Assert.Equal("kept", module.Slug);
        Assert.Equal(SkillBridge.Core.Modules.ModuleStatus.Draft, module.Status);
        Assert.Equal("Kept", Assert.Single(module.Revisions).Title);
        Assert.Null(module.Revisions[0].CreatedBy);
    }

    [Fact]
    public async Task Migrate_SearchIndexFromBeforeFilterTokens_IsRebuiltSoFiltersAndFacetsWork()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync("20261122050000_DataProtectionKeys");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Categories (Key, Name, Description, Position) VALUES ('tools', 'Tools', '', 0);
                INSERT INTO People (Username, Name, Department, Bio, HelpsWith, Roles) VALUES ('kim.lee', 'Kim Lee', '', '', '[]', '[]');
                INSERT INTO Modules (Id, Slug, Status, CreatedAt) VALUES (7, 'kept', 'Published', '2026-01-01 00:00:00');
                INSERT INTO ModuleRevisions (Id, ModuleId, Number, Title, Summary, CategoryId, Level, Minutes, Body, UpdatedOn, CreatedAt, Source, ContentHash)
                VALUES (3, 7, 1, 'Kanban boards', 'S', 1, 'Intermediate', 12, '## Step', '2026-01-01', '2026-01-01 00:00:00', 'Import', 'h');
                INSERT INTO RevisionAuthors (RevisionId, PersonId, Position) VALUES (3, 1, 0);
                UPDATE Modules SET PublishedRevisionId = 3 WHERE Id = 7;
                """);
        }

        await using var upgraded = await database.CreateMigratedContextAsync();
        using var cache = new MemoryCache(new MemoryCacheOptions());
        using var facetMap = new SearchFacetMap();
        var sut = new SearchService(upgraded, new SearchVocabulary(TimeProvider.System), facetMap, cache, TimeProvider.System, NullLogger<SearchService>.Instance);

        var found = await sut.SearchAsync(new SearchRequest("kanban", Category: "tools", Level: SkillBridge.Core.Modules.ModuleLevel.Intermediate, Author: "kim.lee"));

        Assert.Equal("kept", Assert.Single(found.Hits).Slug);
        Assert.Equal(1, Assert.Single(found.Facets!.Authors).Count);
        Assert.Equal("longer", Assert.Single(found.Facets.Durations).Value);
    }

    /// <summary>Tables with their columns, foreign keys and indexes, one sorted line each, as SQLite reports them.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')", r => r.GetString(0)))
            // The FTS5 search index, its shadow tables, its term list and version row are created by the Search
            // migration with raw SQL and cannot be part of the EF model; they are named here one by one, so any other
            // table outside the model still fails the comparison.
            .Where(name => !SearchSchema.ObjectsOutsideTheModel.Contains(name, StringComparer.Ordinal))
            .ToList();
        var lines = new List<string>();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt32(3)} pk={r.GetInt32(5)}"));
            lines.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            var indexes = await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt32(2)));
            foreach (var index in indexes.Where(i => !i.Name.StartsWith("sqlite_autoindex", StringComparison.Ordinal)))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name}\")", r => r.GetString(2));
                lines.Add($"index {index.Name} on {table}({string.Join(",", columns)}) unique={index.Unique}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var results = new List<T>();
        while (await reader.ReadAsync())
        {
            results.Add(read(reader));
        }

        return results;
    }
}
