using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Tests.Infrastructure.Databases;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Data;

/// <summary>
/// The PeopleDepartmentId migration on a database that still keeps departments as free text: each distinct text becomes
/// one department (or the one already listed under that name), and each person gets an open membership with no start
/// date and their DepartmentId, on the run's engine.
/// </summary>
public sealed class PeopleDepartmentsMigrationTests : IDisposable
{
    private const string Migration = "_PeopleDepartmentId";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "people-departments-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrate_OldDepartmentTexts_BecomeDepartmentsWithOpenMembershipsWithoutAStartDate()
    {
        await using var site = await StarterSiteBeforeTheMigrationAsync();
        var finance = await site.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "DepartmentMemberships" """);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Departments" """);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "People" SET "Department" = '' """);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "People" SET "Department" = 'Marketing' WHERE "Username" = 'priya.shah' """);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "People" SET "Department" = ' Marketing ' WHERE "Username" = 'tom.okafor' """);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "People" SET "Department" = 'Information Security' WHERE "Username" = 'lena.fischer' """);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "People" SET "Department" = 'Finance' WHERE "Username" = 'helen.carter' """);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Departments" ("Name") VALUES ('Finance')""");
            return await db.Departments.Where(d => d.Name == "Finance").Select(d => d.Id).SingleAsync();
        });

        await site.WithDbAsync(async db =>
        {
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync();
            return 0;
        });

        var (departments, people, memberships) = await site.WithDbAsync(async db => (
            await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(),
            await db.People.AsNoTracking().ToDictionaryAsync(p => p.Username),
            await db.DepartmentMemberships.AsNoTracking().ToListAsync()));
        Assert.Equal(["Finance", "Information Security", "Marketing"], departments.Select(d => d.Name));
        var marketing = departments.Single(d => d.Name == "Marketing").Id;
        Assert.Equal(marketing, people["priya.shah"].DepartmentId);
        Assert.Equal(marketing, people["tom.okafor"].DepartmentId);
        Assert.Equal(finance, people["helen.carter"].DepartmentId);
        Assert.Null(people["sam.whitaker"].DepartmentId);
        Assert.Equal(4, memberships.Count);
        Assert.All(memberships, m => Assert.Equal((people.Values.Single(p => p.Id == m.PersonId).DepartmentId, (DateTime?)null, (DateTime?)null), (m.DepartmentId, m.StartedAt, m.EndedAt)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_dataPath);
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail the test.
        }
    }

    /// <summary>The starter database taken back to just before the migration, departments as text again.</summary>
    private async Task<TestSite> StarterSiteBeforeTheMigrationAsync()
    {
        var settings = await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Starter);
        var site = await TestSite.OnDataFolderAsync(_dataPath, settings);
        await site.WithDbAsync(async db =>
        {
            var all = db.Database.GetMigrations().ToList();
            var previous = all[all.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal)) - 1];
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync(previous);
            return 0;
        });
        return site;
    }
}
