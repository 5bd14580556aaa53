using Microsoft.EntityFrameworkCore;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.Tests.Data;

/// <summary>The generated migrations and model snapshot of the run's engine, against the EF model and a real database.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_FreshDatabase_MatchesTheEfModel()
    {
        using var migrated = new TestDatabase();
        using var fromModel = new TestDatabase();
        await using (var db = await migrated.CreateMigratedContextAsync())
        {
        }

        await using (var db = fromModel.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DatabaseSchema.DescribeAsync(fromModel.ConnectionString);
        var actual = await DatabaseSchema.DescribeAsync(migrated.ConnectionString);

        Assert.NotEmpty(expected);
        Assert.Empty(expected.Except(actual));
        Assert.Empty(actual.Except(expected));
    }

    [Fact]
    public async Task Model_ComparedWithTheMigrationsSnapshot_HasNoChangesWithoutAMigration()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes no {TestEngine.Current} migration covers. Add one for each provider (README, \"Changing the database\").");
    }

    [Fact]
    public async Task Context_OnThisRunsEngine_UsesThatEnginesProvider()
    {
        using var database = new TestDatabase();
        await using var db = await database.CreateMigratedContextAsync();

        Assert.Equal(TestEngine.ExpectedProviderName, db.Database.ProviderName);
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), id => id.EndsWith("_Baseline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        using var database = new TestDatabase();
        await using (var first = await database.CreateMigratedContextAsync())
        {
        }

        await using var second = await database.CreateMigratedContextAsync();
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await second.Database.GetAppliedMigrationsAsync());
    }
}
