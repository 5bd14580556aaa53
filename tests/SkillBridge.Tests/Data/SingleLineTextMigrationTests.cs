using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Infrastructure.Databases;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Data;

/// <summary>
/// Values stored before single-line fields refused line breaks and control characters: the SingleLineText migration
/// turns each such character into a space, on the run's engine, and the pages that show the values then render.
/// </summary>
public sealed class SingleLineTextMigrationTests : IDisposable
{
    private const string Migration = "_SingleLineText";

    /// <summary>Two tags that become the same one, and a third that only needs cleaning.</summary>
    private static readonly string[] BadTags = ["video calls", "video\ncalls", "zoom\u0085"];

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "single-line-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrate_StoredValuesWithLineBreaksAndControlCharacters_ReplacesThemWithSpaces()
    {
        await using (var site = await StarterSiteBeforeTheMigrationWithBadValuesAsync())
        {
            await site.WithDbAsync(async db =>
            {
                await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync();
                return 0;
            });

            var (revision, tags, draft, person, category, path, invitation) = await site.WithDbAsync(async db => (
                await db.ModuleRevisions.AsNoTracking().SingleAsync(r => r.Module.Slug == "share-your-screen" && r.Module.PublishedRevisionId == r.Id),
                await db.ModuleRevisions.Where(r => r.Module.Slug == "share-your-screen" && r.Module.PublishedRevisionId == r.Id).SelectMany(r => r.Tags.Select(t => t.Tag)).OrderBy(t => t).ToListAsync(),
                await db.ModuleDrafts.AsNoTracking().SingleAsync(),
                await db.People.AsNoTracking().Include(p => p.Department).SingleAsync(p => p.Username == "priya.shah"),
                await db.Categories.AsNoTracking().SingleAsync(c => c.Key == "tools"),
                await db.LearningPaths.AsNoTracking().SingleAsync(p => p.Slug == "first-week-on-teams"),
                await db.Invitations.AsNoTracking().SingleAsync()));

            Assert.Equal("Share one window  in a video call", revision.Title);
            Assert.Equal("Show a document   without your inbox.", revision.Summary);
            Assert.Equal(["video calls", "zoom "], tags);
            Assert.Equal("Draft title two", draft.Title);
            Assert.Equal(["short video", "teams"], draft.Tags);
            Assert.Equal("Priya  Shah", person.Name);
            Assert.Equal("Market ing", person.Department!.Name);
            Assert.Equal("Linked In", person.HelpsWith[0]);
            Assert.Equal("Tools and more", category.Name);
            Assert.Equal("Your first week  on Teams", path.Title);
            Assert.Equal("new.person@example.com ", invitation.Email);
        }
    }

    [Theory]
    [InlineData("/modules")]
    [InlineData("/modules/share-your-screen")]
    [InlineData("/modules/share-your-screen/steps/1")]
    [InlineData("/people")]
    [InlineData("/people/priya.shah")]
    [InlineData("/paths")]
    [InlineData("/paths/first-week-on-teams")]
    public async Task Get_PageShowingCleanedValues_RendersThemOnOneLine(string url)
    {
        await using (var site = await StarterSiteBeforeTheMigrationWithBadValuesAsync())
        {
            // The site migrates at start, as an upgraded deployment would.
        }

        using var factory = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = _dataPath } };
        using var client = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("reader"));

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\u2028", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x7;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x2028;", html, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_dataPath);
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail the test.
        }
    }

    /// <summary>
    /// The starter database taken back to just before the SingleLineText migration, with line breaks and control characters
    /// written into the single-line columns the way forms and import let them in before.
    /// </summary>
    private async Task<TestSite> StarterSiteBeforeTheMigrationWithBadValuesAsync()
    {
        var settings = await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Starter);
        var site = await TestSite.OnDataFolderAsync(_dataPath, settings);
        await site.WithDbAsync(async db =>
        {
            var all = db.Database.GetMigrations().ToList();
            var previous = all[all.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal)) - 1];
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync(previous);

            var revisionId = await db.ModuleRevisions.Where(r => r.Module.Slug == "share-your-screen" && r.Module.PublishedRevisionId == r.Id).Select(r => r.Id).SingleAsync();
            await db.ModuleRevisions.Where(r => r.Id == revisionId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Title, "Share one window\r\nin a video call")
                .SetProperty(r => r.Summary, "Show a document\u0007\t\u2029without your inbox."));
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "RevisionTags" WHERE "RevisionId" = {revisionId}""");
            foreach (var tag in BadTags)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "RevisionTags" ("RevisionId", "Tag") VALUES ({revisionId}, {tag})""");
            }

            await db.People.Where(p => p.Username == "priya.shah").ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Name, "Priya\r\nShah")
                .SetProperty(p => p.HelpsWith, new List<string> { "Linked\nIn", "Canva" }));
            await db.Database.ExecuteSqlAsync($"""UPDATE "People" SET "Department" = {"Market\u2028ing"} WHERE "Username" = 'priya.shah'""");
            await db.Categories.Where(c => c.Key == "tools").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Tools\nand more"));
            await db.LearningPaths.Where(p => p.Slug == "first-week-on-teams").ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Your first week\n\ron Teams"));
            var module = await db.Modules.SingleAsync(m => m.Slug == "share-your-screen");
            db.ModuleDrafts.Add(new Core.Authoring.ModuleDraft
            {
                ModuleId = module.Id,
                Title = "Draft title\u0001two",
                Summary = "",
                Tags = ["short\nvideo", "teams"],
                UpdatedBy = "priya.shah",
            });
            await db.SaveChangesAsync();

            // By SQL: the database is at an older migration than the model, whose Invitations have columns added later.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Invitations" ("Email", "TokenHash", "InvitedBy", "CreatedAt", "ExpiresAt")
                VALUES ({"new.person@example.com\n"}, 'hash', 'admin', {new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc)}, {new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc)})
                """);
            return 0;
        });
        return site;
    }
}
