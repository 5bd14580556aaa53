using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Data;

/// <summary>
/// Hand-written migrations from before the generated baseline that rewrite SQLite data (statuses; the FTS5 index, dropped since search moved to Lucene), fed
/// with rows in SQLite's dialect. The PostgreSQL path through the same migrations is covered by the upgrade fixtures.
/// </summary>
public sealed class SqliteHistoryMigrationTests
{
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
    public async Task Migrate_DatabaseWithTheFts5Index_DropsItAndTheLuceneIndexFindsItsModules()
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
        using var index = new SearchIndex(Microsoft.Extensions.Options.Options.Create(database.Options), TimeProvider.System, NullLogger<SearchIndex>.Instance);
        var sut = new SearchService(upgraded, index, new NoSearchSynonyms(), TimeProvider.System);

        var found = await sut.SearchAsync(new SearchRequest("kanban", Category: "tools", Level: SkillBridge.Core.Modules.ModuleLevel.Intermediate, Author: "kim.lee"));

        var fts5Tables = await upgraded.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE name LIKE 'Search%' AND name NOT IN ('SearchChanges', 'SearchSynonyms', 'SearchSynonymVersions')").ToListAsync();
        Assert.Empty(fts5Tables);
        Assert.Equal("kept", Assert.Single(found.Hits).Slug);
        Assert.Equal(1, Assert.Single(found.Facets!.Authors).Count);
        Assert.Equal("longer", Assert.Single(found.Facets.Durations).Value);
    }
}
