using System.Text.Json;
using Microsoft.Data.Sqlite;
using SkillBridge.Core;
using SkillBridge.Tests.Infrastructure.Databases;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Search;

/// <summary>
/// The built site as a process on SQLite: the index records the last change-log entry it applied in the same Lucene
/// commit as the documents, so a site killed with SIGKILL while it applies changes comes back with an index holding
/// exactly the published modules; and the reindex command rebuilds the index showing its progress.
/// </summary>
public sealed class SearchProcessTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "search-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SigKillWhileApplyingChanges_AfterRestart_TheIndexHoldsExactlyThePublishedModules()
    {
        await using (var site = await SiteProcess.StartAsync(_dataPath))
        {
            using var client = site.CreateClient();
            Assert.Contains("spot-a-phishing-message", await SlugsAsync(client, "q=phishing"));

            // Changes written around the site, as another node writes them: each round flips every module and logs it;
            // the site's poller applies them while they arrive, and is killed at whatever point it has reached.
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataPath, "skillbridge.db")};Pooling=False");
            await connection.OpenAsync();
            for (var round = 0; round < 41; round++)
            {
                await ExecuteAsync(connection, $"""
                    UPDATE "Modules" SET "Status" = CASE WHEN "Id" % 2 = 0 AND {round % 2} = 0 THEN 'Unpublished' ELSE 'Published' END WHERE "PublishedRevisionId" IS NOT NULL;
                    INSERT INTO "SearchChanges" ("ModuleId", "RecordedAt") SELECT "Id", '2026-11-30 06:00:00' FROM "Modules";
                    """);
            }

            site.Kill();
        }

        List<string> published;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_dataPath, "skillbridge.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            published = await ReadSlugsAsync(connection, "SELECT \"Slug\" FROM \"Modules\" WHERE \"Status\" = 'Published' AND \"PublishedRevisionId\" IS NOT NULL");
        }

        await using var restarted = await SiteProcess.StartAsync(_dataPath);
        using var after = restarted.CreateClient();
        var indexed = new List<string>();
        foreach (var level in new[] { "beginner", "intermediate", "advanced" })
        {
            for (var page = 1; page <= 5; page++)
            {
                indexed.AddRange(await SlugsAsync(after, $"level={level}&page={page}", distinctPage: page));
            }
        }

        Assert.NotEmpty(published);
        Assert.Equal(published.Order(StringComparer.Ordinal), indexed.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(indexed.Count, indexed.Distinct().Count());
    }

    [Fact]
    public async Task Reindex_StarterDatabase_ShowsProgressAndEndsConsistent()
    {
        await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Starter, DatabaseProvider.Sqlite);

        var (exitCode, output, error) = await SiteProcess.RunToExitAsync(SiteProcess.StartInfo(_dataPath, "Testing", "reindex"));

        Assert.True(exitCode == 0, output + error);
        Assert.Matches(@"indexed (\d+)/\1", output);
        Assert.Matches(@"Reindexed (\d+) module\(s\); \1 indexed of \1 published\.", output);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail the run.
        }
    }

    /// <summary>The slugs of one results page; an empty list past the last page.</summary>
    private static async Task<List<string>> SlugsAsync(HttpClient client, string query, int distinctPage = 1)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?" + query));
        if (json.RootElement.GetProperty("page").GetInt32() != distinctPage)
        {
            return [];
        }

        return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("slug").GetString()!)];
    }

    private static async Task<List<string>> ReadSlugsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var slugs = new List<string>();
        while (await reader.ReadAsync())
        {
            slugs.Add(reader.GetString(0));
        }

        return slugs;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
