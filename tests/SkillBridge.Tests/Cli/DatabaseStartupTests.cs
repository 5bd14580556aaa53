using System.Net;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;
using SkillBridge.Web.Cli;

namespace SkillBridge.Tests.Cli;

/// <summary>The site's start-up under SkillBridge:MigrateOnStart, through the real Program.</summary>
public sealed class DatabaseStartupTests
{
    [Fact]
    public void PendingMigrationsMessage_TwoMigrations_NamesThemAndTheMigrateCommand()
    {
        var message = DatabaseStartup.PendingMigrationsMessage(["20261122080000_Mentoring", "20261122090000_FormerColleagues"], "start the site again");

        Assert.Equal(
            "The database needs 2 migrations (20261122080000_Mentoring, 20261122090000_FormerColleagues) and SkillBridge:MigrateOnStart is false, " +
            "so none is applied here. Run `dotnet run --project src/SkillBridge.Web -- migrate` (or `SkillBridge.Web migrate` when published), then start the site again.",
            message);
    }

    [Fact]
    public async Task Site_MigrateOnStartFalseWithPendingMigrations_ExitsWithoutServingAndNamesMigrate()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "refuse-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pending = await TestDatabase.CreateOlderAsync(dataPath, 2);
            var databaseFile = Path.Combine(dataPath, "skillbridge.db");
            var before = await TestDatabase.AppliedMigrationsAsync(databaseFile);
            var start = SiteProcess.StartInfo(dataPath, "Testing", "--urls", "http://127.0.0.1:0");
            start.Environment["SkillBridge__MigrateOnStart"] = "false";

            var run = await SiteProcess.RunToExitAsync(start);

            var said = run.Output + run.Error;
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(DatabaseStartup.PendingMigrationsMessage(pending, "start the site again"), said, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening on", said, StringComparison.Ordinal);
            Assert.Equal(before, await TestDatabase.AppliedMigrationsAsync(databaseFile));
        }
        finally
        {
            DeleteFolder(dataPath);
        }
    }

    [Fact]
    public async Task Site_MigrateOnStartTrueWithPendingMigrations_AppliesThemAndServes()
    {
        using var site = new SkillBridgeWebFactory { Settings = { ["SkillBridge:ImportStarterContent"] = "false" } };
        await TestDatabase.CreateOlderAsync(site.DataPath, 2);

        using var client = site.CreateClient();
        using var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(TestDatabase.AllMigrations(), await TestDatabase.AppliedMigrationsAsync(Path.Combine(site.DataPath, "skillbridge.db")));
    }

    [Fact]
    public async Task Site_MigrateOnStartFalseAndNothingPending_Serves()
    {
        using var site = new SkillBridgeWebFactory
        {
            Settings = { ["SkillBridge:ImportStarterContent"] = "false", ["SkillBridge:MigrateOnStart"] = "false" },
        };
        await TestDatabase.CreateOlderAsync(site.DataPath, 0);

        using var client = site.CreateClient();
        using var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static void DeleteFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
