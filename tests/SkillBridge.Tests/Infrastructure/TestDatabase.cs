using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Data;

namespace SkillBridge.Tests.Infrastructure;

/// <summary>A real SQLite database in its own temporary folder, deleted on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "skillbridge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Options = new SkillBridgeOptions { DataPath = Folder, ResolvedDataPath = Folder };
    }

    public string Folder { get; }

    public SkillBridgeOptions Options { get; }

    public string ConnectionString => DependencyInjection.SqliteConnectionString(Options);

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
