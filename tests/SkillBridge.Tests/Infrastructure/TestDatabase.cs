using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.Tests.Infrastructure;

/// <summary>A real, empty database on the run's engine (no tables yet) with its own temporary folder, dropped on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "skillbridge-tests", Guid.NewGuid().ToString("N"));
        Options = OptionsFor(Folder);
    }

    public string Folder { get; }

    public SkillBridgeOptions Options { get; }

    public string ConnectionString => Options.ConnectionString ?? DependencyInjection.SqliteConnectionString(Options);

    public SkillBridgeDbContext CreateContext() => CreateContext(Options);

    public async Task<SkillBridgeDbContext> CreateMigratedContextAsync()
    {
        var db = CreateContext();
        await new DatabaseInitializer(db, Microsoft.Extensions.Options.Options.Create(Options)).InitializeAsync();
        return db;
    }

    /// <summary>
    /// Migrates <paramref name="db"/> up to all but the last <paramref name="pending"/> migrations, as an older release
    /// left its database; returns the migrations it lacks, oldest first (read from the build, not written out here).
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAllButAsync(SkillBridgeDbContext db, int pending)
    {
        var all = db.Database.GetMigrations().ToList();
        await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync(all[^(pending + 1)]);
        return all[^pending..];
    }

    /// <summary>A database in <paramref name="folder"/> that lacks the last <paramref name="pending"/> migrations; returns those.</summary>
    public static async Task<IReadOnlyList<string>> CreateOlderAsync(string folder, int pending)
    {
        var options = OptionsFor(folder);
        await using var db = CreateContext(options);
        await new DatabaseInitializer(db, Microsoft.Extensions.Options.Options.Create(options)).PrepareAsync();
        return await MigrateAllButAsync(db, pending);
    }

    /// <summary>Every migration the build has, oldest first.</summary>
    public static IReadOnlyList<string> AllMigrations()
    {
        // Listing migrations reads the assembly only; the database is never opened.
        using var db = CreateContext(new SkillBridgeOptions { ResolvedDataPath = Path.GetTempPath(), DatabaseProvider = TestEngine.Current, ConnectionString = TestEngine.IsPostgreSql ? "Host=localhost" : null });
        return [.. db.Database.GetMigrations()];
    }

    /// <summary>The migrations recorded in a SQLite file, read without EF Core (so nothing can migrate it), oldest first.</summary>
    public static async Task<List<string>> AppliedMigrationsAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    /// <summary>Options for an empty database of the run's engine behind <paramref name="folder"/> (made on first use).</summary>
    private static SkillBridgeOptions OptionsFor(string folder)
    {
        var settings = TestDatabases.Provision(folder, TestDatabaseContent.Empty);
        return new SkillBridgeOptions
        {
            DataPath = folder,
            ResolvedDataPath = folder,
            DatabaseProvider = TestEngine.Current,
            ConnectionString = settings.GetValueOrDefault("SkillBridge:ConnectionString"),
        };
    }

    private static SkillBridgeDbContext CreateContext(SkillBridgeOptions options)
    {
        var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
        DependencyInjection.Configure(builder, options);
        return new SkillBridgeDbContext(builder.Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(Folder);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test that used it.
        }
    }
}
