using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;
using SkillBridge.Web.Cli;

namespace SkillBridge.Tests.Cli;

/// <summary>migrate and backup on a database an older release left behind, and the policy the other commands follow.</summary>
public sealed class DatabaseCommandsTests : IAsyncDisposable
{
    private const int Pending = 2;

    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private TestSite? _site;

    [Fact]
    public async Task Backup_DatabaseWithPendingMigrations_CopiesItAsItIsAndMigratesNothing()
    {
        var site = await OlderSiteAsync();
        var before = await TestDatabase.AppliedMigrationsAsync(site.DatabaseFile);
        var backup = Path.Combine(site.Root, "backup");

        var exitCode = await RunAsync("backup", backup);

        Assert.Equal(0, exitCode);
        Assert.Equal(before, await TestDatabase.AppliedMigrationsAsync(site.DatabaseFile));
        Assert.Equal(before, await TestDatabase.AppliedMigrationsAsync(Path.Combine(backup, "skillbridge.db")));
    }

    [Fact]
    public async Task Backup_DatabaseWithPendingMigrations_SaysTheCopyStillNeedsThem()
    {
        var site = await OlderSiteAsync();

        await RunAsync("backup", Path.Combine(site.Root, "backup"));

        Assert.Contains($"still need {Pending} migrations", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_NoDatabaseFile_ExitsOneAndCreatesNone()
    {
        var site = await TestSite.CreateAsync();
        _site = site;
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(site.DatabaseFile)!, "skillbridge.db*"))
        {
            File.Delete(file);
        }

        var exitCode = await RunAsync("backup", Path.Combine(site.Root, "backup"));

        Assert.Equal(1, exitCode);
        Assert.Contains("There is no database at", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(site.DatabaseFile));
    }

    [Fact]
    public async Task Migrate_PendingMigrations_PrintsEachAndAppliesThem()
    {
        var site = await OlderSiteAsync();
        var pending = await PendingAsync(site);

        var exitCode = await RunAsync("migrate");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [.. pending.Select((id, i) => $"applying migration {i + 1}/{Pending} {id}"), $"Applied {Pending} migrations. Database is up to date."],
            Lines(_output));
        Assert.Empty(await PendingAsync(site));
    }

    [Fact]
    public async Task Migrate_SecondRun_SaysUpToDate()
    {
        await OlderSiteAsync();
        await RunAsync("migrate");
        _output.Clear();

        var exitCode = await RunAsync("migrate");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Database is up to date."], Lines(_output));
    }

    [Fact]
    public async Task MigrateList_PendingMigrations_ListsThemAndAppliesNone()
    {
        var site = await OlderSiteAsync();
        var pending = await PendingAsync(site);

        var exitCode = await RunAsync("migrate", "--list");

        Assert.Equal(0, exitCode);
        Assert.Equal([$"The database needs {Pending} migrations:", .. pending], Lines(_output));
        Assert.Equal(pending, await PendingAsync(site));
    }

    [Fact]
    public async Task Migrate_MigrationFails_NamesItAndExitsOne()
    {
        var site = await OlderSiteAsync();

        // A database whose migration history was lost: every migration looks pending and the first one's tables exist.
        var first = await site.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE __EFMigrationsHistory RENAME TO LostHistory");
            return db.Database.GetMigrations().First();
        });

        var exitCode = await RunAsync("migrate");

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"Migrating the database failed while applying {first}: ", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MigrateOnStartFalseWithPendingMigrations_RefusesAndNamesMigrate()
    {
        var site = await OlderSiteAsync(migrateOnStart: false);
        var pending = await PendingAsync(site);
        using var content = ContentBuilder.Valid();

        var exitCode = await RunAsync("import", content.Root);

        Assert.Equal(1, exitCode);
        Assert.Equal([DatabaseStartup.PendingMigrationsMessage(pending, "run `import` again")], Lines(_error));
        Assert.Equal(pending, await PendingAsync(site));
    }

    [Fact]
    public async Task Export_MigrateOnStartTrueWithPendingMigrations_MigratesFirst()
    {
        var site = await OlderSiteAsync();

        var exitCode = await RunAsync("export", Path.Combine(site.Root, "export"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"applying migration 1/{Pending} ", _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(await PendingAsync(site));
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    private async Task<TestSite> OlderSiteAsync(bool migrateOnStart = true)
    {
        _site = await TestSite.CreateAsync(Pending, new Dictionary<string, string?> { ["SkillBridge:MigrateOnStart"] = migrateOnStart ? "true" : "false" });
        return _site;
    }

    private static Task<List<string>> PendingAsync(TestSite site) =>
        site.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());

    private static string[] Lines(StringBuilder text) => text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<int> RunAsync(params string[] args)
    {
        await using var output = new StringWriter(_output, CultureInfo.InvariantCulture);
        await using var error = new StringWriter(_error, CultureInfo.InvariantCulture);
        return await SkillBridgeCommands.RunAsync(_site!.Services, args, output, error);
    }
}
