using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Data;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task StartAsync_MigrateOnStartFalseWithPendingMigrations_AppliesNoneAndNamesThem()
    {
        var pending = await OlderDatabaseAsync(2);
        _database.Options.MigrateOnStart = false;
        await using var db = _database.CreateContext();

        var result = await CreateSut(db).StartAsync();

        Assert.Equal(DatabaseStartStatus.MigrationsPending, result.Status);
        Assert.Equal(pending, result.Pending);
        Assert.Equal(pending, await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task StartAsync_MigrateOnStartFalseAndNothingPending_IsReady()
    {
        await OlderDatabaseAsync(0);
        _database.Options.MigrateOnStart = false;
        await using var db = _database.CreateContext();

        var result = await CreateSut(db).StartAsync();

        Assert.Equal(DatabaseStartStatus.Ready, result.Status);
        Assert.Empty(result.Applied);
        Assert.NotEmpty(await db.Roles.ToListAsync());
    }

    [Fact]
    public async Task StartAsync_MigrateOnStartTrueWithPendingMigrations_AppliesThem()
    {
        var pending = await OlderDatabaseAsync(2);
        await using var db = _database.CreateContext();

        var result = await CreateSut(db).StartAsync();

        Assert.Equal(DatabaseStartStatus.Ready, result.Status);
        Assert.Equal(pending, result.Applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task MigrateAsync_PendingMigrations_ReportsEachInOrder()
    {
        var pending = await OlderDatabaseAsync(3);
        await using var db = _database.CreateContext();
        var reported = new List<MigrationProgress>();

        await CreateSut(db).MigrateAsync(new ListProgress(reported));

        Assert.Equal(pending.Select((id, i) => new MigrationProgress(i + 1, pending.Count, id)), reported);
    }

    [Fact]
    public async Task MigrateAsync_AnotherContextMigratesMeanwhile_ReportsOnlyItsOwnMigrations()
    {
        var pending = await OlderDatabaseAsync(1);
        using var other = new TestDatabase();
        await TestDatabase.CreateOlderAsync(other.Folder, 2);
        await using var db = _database.CreateContext();
        await using var otherDb = other.CreateContext();
        var reported = new List<MigrationProgress>();

        // Contexts share EF Core's diagnostic listener: the other database migrates while this one is being migrated.
        await CreateSut(db).MigrateAsync(new ListProgress(reported, onFirst: () => otherDb.Database.Migrate()));

        Assert.Equal(pending, reported.Select(p => p.Migration));
        Assert.Empty(await otherDb.Database.GetPendingMigrationsAsync());
    }

    public void Dispose() => _database.Dispose();

    private Task<IReadOnlyList<string>> OlderDatabaseAsync(int pending) => TestDatabase.CreateOlderAsync(_database.Folder, pending);

    private DatabaseInitializer CreateSut(SkillBridgeDbContext db) => new(db, Options.Create(_database.Options));

    private sealed class ListProgress(List<MigrationProgress> reported, Action? onFirst = null) : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value)
        {
            reported.Add(value);
            if (reported.Count == 1)
            {
                onFirst?.Invoke();
            }
        }
    }
}
