using Microsoft.EntityFrameworkCore;
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
        var settings = TestDatabases.Provision(Folder, TestDatabaseContent.Empty);
        settings.TryGetValue("SkillBridge:ConnectionString", out var connectionString);
        Options = new SkillBridgeOptions
        {
            DataPath = Folder,
            ResolvedDataPath = Folder,
            DatabaseProvider = TestEngine.Current,
            ConnectionString = connectionString,
        };
    }

    public string Folder { get; }

    public SkillBridgeOptions Options { get; }

    public string ConnectionString => Options.ConnectionString ?? DependencyInjection.SqliteConnectionString(Options);

    public SkillBridgeDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
        DependencyInjection.Configure(builder, Options);
        return new SkillBridgeDbContext(builder.Options);
    }

    public async Task<SkillBridgeDbContext> CreateMigratedContextAsync()
    {
        var db = CreateContext();
        await new DatabaseInitializer(db, Microsoft.Extensions.Options.Options.Create(Options)).InitializeAsync();
        return db;
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
