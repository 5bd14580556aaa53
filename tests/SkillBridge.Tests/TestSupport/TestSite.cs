using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkillBridge.Core;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.Tests.TestSupport;

/// <summary>
/// A real database on the run's engine (a copy of the migrated template, or migrated through DatabaseInitializer when it
/// is to be left some migrations behind) and a media folder in a temp folder, with a fixed clock.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private bool _ownsRoot;

    private TestSite(string root, IHost host)
    {
        Root = root;
        _host = host;
    }

    public string Root { get; }

    public string MediaPath => Path.Combine(Root, "data", "media");

    /// <summary>The SQLite database file (SQLite runs only).</summary>
    public string DatabaseFile => Path.Combine(Root, "data", "skillbridge.db");

    public IServiceProvider Services => _host.Services;

    public ManualClock Clock { get; private init; } = null!;

    /// <param name="pendingMigrations">Leave the database this many migrations behind, as an older release left it.</param>
    /// <param name="settings">Extra configuration, e.g. SkillBridge:MigrateOnStart.</param>
    public static async Task<TestSite> CreateAsync(int pendingMigrations = 0, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "skillbridge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var database = await TestDatabases.ProvisionAsync(Path.Combine(root, "data"), pendingMigrations == 0 ? TestDatabaseContent.Migrated : TestDatabaseContent.Empty);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            database[key] = value;
        }

        return await StartAsync(root, database, ownsRoot: true, pendingMigrations);
    }

    /// <summary>The core services on a data folder the test prepared (e.g. a restored old database), migrated at start as the site would; the test keeps the folder.</summary>
    public static Task<TestSite> OnDataFolderAsync(string dataPath, Dictionary<string, string?> databaseSettings) =>
        StartAsync(dataPath, databaseSettings, ownsRoot: false, pendingMigrations: 0);

    private static async Task<TestSite> StartAsync(string root, Dictionary<string, string?> settings, bool ownsRoot, int pendingMigrations)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SkillBridge:ImportStarterContent"] = "false" });
        builder.Configuration.AddInMemoryCollection(settings);
        var clock = new ManualClock(Now);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddSkillBridgeCore();
        var site = new TestSite(root, builder.Build()) { Clock = clock, _ownsRoot = ownsRoot };
        await using var scope = site.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        if (pendingMigrations == 0)
        {
            await database.InitializeAsync();
        }
        else
        {
            await database.PrepareAsync();
            await Infrastructure.TestDatabase.MigrateAllButAsync(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>(), pendingMigrations);
        }

        return site;
    }

    public async Task<ImportResult> ImportAsync(string directory, bool force = false, IProgress<ImportProgress>? progress = null, string? importedBy = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<ContentImporter>();
        return await sut.ImportAsync(directory, new ImportOptions { Force = force, ImportedBy = importedBy }, progress, CancellationToken.None);
    }

    public async Task<ExportResult> ExportAsync(string directory)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(directory, null, CancellationToken.None);
    }

    /// <summary>Runs work against a fresh context, as a request would.</summary>
    public async Task<T> WithDbAsync<T>(Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }

    public Task<RowCounts> CountRowsAsync() => WithDbAsync(async db => new RowCounts(
        await db.Modules.CountAsync(),
        await db.ModuleRevisions.CountAsync(),
        await db.People.CountAsync(),
        await db.Categories.CountAsync(),
        await db.LearningPaths.CountAsync(),
        await db.MediaFiles.CountAsync(),
        Directory.Exists(MediaPath) ? Directory.GetFiles(MediaPath).Length : 0));

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        if (!_ownsRoot)
        {
            return;
        }

        await TestDatabases.DropAsync(Path.Combine(Root, "data"));
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Stands still at <see cref="Now"/> until a test moves it.</summary>
    public sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

public sealed record RowCounts(int Modules, int Revisions, int People, int Categories, int Paths, int MediaRows, int MediaFiles)
{
    public static readonly RowCounts Empty = new(0, 0, 0, 0, 0, 0, 0);
}
