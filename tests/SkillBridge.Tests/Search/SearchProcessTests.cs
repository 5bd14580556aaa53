using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Npgsql;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Infrastructure.Databases;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Search;

/// <summary>
/// The built site as real processes, on the run's database engine: two site processes on one database each keep their
/// own index and see each other's publishing within 2 seconds; the index records the last change-log entry it applied
/// in the same Lucene commit as the documents, so a site killed with SIGKILL while it applies changes comes back with
/// an index holding exactly the published modules; commands run beside a site leave its index to it.
/// </summary>
public sealed class SearchProcessTests : IDisposable
{
    private const string Slug = "spot-a-phishing-message";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "search-process-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TwoSiteProcesses_OneDatabase_PublishingOnOneIsFoundOnTheOtherWithinTwoSeconds()
    {
        var settings = await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Starter);
        var curatorName = await CreateCuratorAsync();
        await using var first = await SiteProcess.StartAsync(_dataPath, settings);
        await using var second = await SiteProcess.StartAsync(_dataPath, settings);
        using var curator = first.CreateClient();
        await curator.SignInAsync(curatorName);
        using var learner = second.CreateClient();
        Assert.Contains(Slug, await SlugsAsync(learner, "q=phishing"));

        await PressAsync(curator, "Unpublish");

        Assert.DoesNotContain(Slug, await SlugsAsync(curator, "q=phishing"));
        await WithinTwoSecondsAsync(learner, async () => !(await SlugsAsync(learner, "q=phishing")).Contains(Slug));

        await PressAsync(curator, "Republish");

        Assert.Contains(Slug, await SlugsAsync(curator, "q=phishing"));
        await WithinTwoSecondsAsync(learner, async () => (await SlugsAsync(learner, "q=phishing")).Contains(Slug));
        // One data folder, two nodes: each took an index folder of its own.
        Assert.True(Directory.Exists(Path.Combine(_dataPath, "search-index")) && Directory.Exists(Path.Combine(_dataPath, "search-index-2")));
    }

    [Fact]
    public async Task SigKillWhileApplyingChanges_AfterRestart_TheIndexHoldsExactlyThePublishedModules()
    {
        var settings = await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Starter);
        await using (var site = await SiteProcess.StartAsync(_dataPath, settings))
        {
            using var client = site.CreateClient();
            Assert.Contains(Slug, await SlugsAsync(client, "q=phishing"));

            // Changes written around the site, as another node writes them: each round flips every module and logs it;
            // the site's poller applies them while they arrive, and is killed at whatever point it has reached.
            await using var connection = await OpenAsync(settings);
            var now = TestEngine.IsSqlite ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : "now()";
            for (var round = 0; round < 41; round++)
            {
                await ExecuteAsync(connection, $"""
                    UPDATE "Modules" SET "Status" = CASE WHEN "Id" % 2 = 0 AND {round % 2} = 0 THEN 'Unpublished' ELSE 'Published' END WHERE "PublishedRevisionId" IS NOT NULL;
                    INSERT INTO "SearchChanges" ("ModuleId", "RecordedAt") SELECT "Id", {now} FROM "Modules";
                    """);
            }

            site.Kill();
        }

        List<string> published;
        await using (var connection = await OpenAsync(settings))
        {
            published = await ReadSlugsAsync(connection, "SELECT \"Slug\" FROM \"Modules\" WHERE \"Status\" = 'Published' AND \"PublishedRevisionId\" IS NOT NULL");
        }

        await using var restarted = await SiteProcess.StartAsync(_dataPath, settings);
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
        var settings = await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Starter);

        var (exitCode, output, error) = await SiteProcess.RunToExitAsync(SiteProcess.With(SiteProcess.StartInfo(_dataPath, "Testing", "reindex"), settings));

        Assert.True(exitCode == 0, output + error);
        Assert.Matches(@"indexed (\d+)/\1", output);
        Assert.Matches(@"Reindexed (\d+) module\(s\); \1 indexed of \1 published\.", output);
    }

    [Fact]
    public async Task Reindex_WhileTheSiteRuns_RefusesAndLeavesTheSitesIndexServing()
    {
        var settings = await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Starter);
        await using var site = await SiteProcess.StartAsync(_dataPath, settings);

        var (exitCode, output, error) = await SiteProcess.RunToExitAsync(SiteProcess.With(SiteProcess.StartInfo(_dataPath, "Testing", "reindex"), settings));

        Assert.True(exitCode == 1, output + error);
        Assert.Contains("belongs to a site that is running", error, StringComparison.Ordinal);
        Assert.Contains("stop the site and run reindex again", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dataPath, "search-index-2")), "The command built an index of its own beside the site's.");
        using var client = site.CreateClient();
        Assert.Contains(Slug, await SlugsAsync(client, "q=phishing"));
    }

    [Fact]
    public async Task Import_WhileTheSiteRuns_TheSiteFindsTheChangeAndTheCommandBuildsNoIndex()
    {
        var settings = await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Starter);
        var content = Path.Combine(_dataPath, "content-copy");
        CopyFolder(SolutionFolders.Find("content", AppContext.BaseDirectory)!, content);
        var module = Path.Combine(content, "modules", "work-hacks", Slug + ".md");
        await File.WriteAllTextAsync(module, (await File.ReadAllTextAsync(module)).Replace(
            "summary: Recognise the warning signs", "summary: Quarantine a suspicious message and recognise the warning signs", StringComparison.Ordinal));
        await using var site = await SiteProcess.StartAsync(_dataPath, settings);
        using var client = site.CreateClient();
        Assert.Empty(await SlugsAsync(client, "q=quarantine"));

        var (exitCode, output, error) = await SiteProcess.RunToExitAsync(SiteProcess.With(SiteProcess.StartInfo(_dataPath, "Testing", "import", content), settings));

        Assert.True(exitCode == 0, output + error);
        await WithinTwoSecondsAsync(client, async () => (await SlugsAsync(client, "q=quarantine")).Contains(Slug));
        Assert.False(Directory.Exists(Path.Combine(_dataPath, "search-index-2")), "The command built an index of its own beside the site's.");
    }

    public void Dispose()
    {
        TestDatabases.Drop(_dataPath);
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

    /// <summary>A curator account in the test's database, made through the real account service of an in-process site.</summary>
    private async Task<string> CreateCuratorAsync()
    {
        var username = Infrastructure.Accounts.UniqueName("curator");
        using var setup = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = _dataPath, ["SkillBridge:Search:IndexPath"] = Path.Combine(_dataPath, "index-setup") } };
        await setup.CreateAccountAsync(username, Roles.Curator);
        return username;
    }

    /// <summary>Presses Unpublish or Publish again on the module's history page, as the curator does.</summary>
    private static async Task PressAsync(HttpClient curator, string handler)
    {
        var history = await curator.GetPageAsync($"/modules/{Slug}/history");
        var form = history.QuerySelectorAll<IHtmlFormElement>("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));
        using var response = await curator.SubmitAsync(form, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The site has the change, and by its own measure on /health within 2 s of the change being recorded.</summary>
    private static Task WithinTwoSecondsAsync(HttpClient site, Func<Task<bool>> condition) =>
        Eventually.AppliedWithinAsync(TimeSpan.FromSeconds(2), condition, async () => ApplyDelay((await site.GetPageAsync("/health")).Text("#health-search")), "The site applying the change");

    /// <summary>The delay /health reports for the last change-log entries the site applied.</summary>
    private static TimeSpan? ApplyDelay(string health) =>
        Regex.Match(health, @"searchable (\d+) ms after") is { Success: true } found ? TimeSpan.FromMilliseconds(int.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture)) : null;

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

    private async Task<DbConnection> OpenAsync(Dictionary<string, string?> settings)
    {
        DbConnection connection = TestEngine.IsSqlite
            ? new SqliteConnection($"Data Source={Path.Combine(_dataPath, "skillbridge.db")};Pooling=False")
            : new NpgsqlConnection(settings["SkillBridge:ConnectionString"]);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> ReadSlugsAsync(DbConnection connection, string sql)
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

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
