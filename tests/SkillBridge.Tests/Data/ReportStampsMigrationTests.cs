using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Departments;
using SkillBridge.Tests.Infrastructure.Databases;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Data;

/// <summary>
/// The ReportStamps migration on a database with learning from before it: each progress row, rating and stuck flag gets
/// the learner's person and the department they were in at the row's time (from the history), and each credited author
/// the department they were in when the revision was made, on the run's engine.
/// </summary>
public sealed class ReportStampsMigrationTests : IDisposable
{
    private const string Migration = "_ReportStamps";

    private static readonly DateTime Moved = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "report-stamps-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrate_LearningFromBefore_IsStampedWithThePersonAndTheirDepartmentAtTheTime()
    {
        await using var site = await StarterSiteBeforeTheMigrationAsync();
        var (person, sales, marketing, revision) = await site.WithDbAsync(async db =>
        {
            // Only the id: the People table gained columns after this migration, so the model cannot read it whole.
            var priya = new { Id = await db.People.Where(p => p.Username == "priya.shah").Select(p => p.Id).SingleAsync() };
            var departments = await db.Departments.Where(d => d.Name == "Sales" || d.Name == "Marketing").ToDictionaryAsync(d => d.Name, d => d.Id);
            await db.DepartmentMemberships.Where(m => m.PersonId == priya.Id).ExecuteDeleteAsync();
            db.DepartmentMemberships.AddRange(
                new DepartmentMembership { PersonId = priya.Id, DepartmentId = departments["Marketing"], EndedAt = Moved },
                new DepartmentMembership { PersonId = priya.Id, DepartmentId = departments["Sales"], StartedAt = Moved });
            await db.SaveChangesAsync();
            var revision = await db.Modules.Where(m => m.Slug == "share-your-screen").Select(m => m.PublishedRevisionId!.Value).SingleAsync();
            var other = await db.Modules.Where(m => m.Slug == "short-video-basics").Select(m => m.PublishedRevisionId!.Value).SingleAsync();
            // Written in SQL, with the columns the accounts table had then: later migrations add columns the model would write.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "SecurityStamp", "PersonId", "AccessFailedCount", "EmailConfirmed", "LockoutEnabled", "PhoneNumberConfirmed", "TwoFactorEnabled", "TimeZoneId", "SharesProgressWithAuthors", "ReminderMailOff")
                VALUES ('stamp-user', 'stamp.user', 'STAMP.USER', 'stamp', {priya.Id}, 0, {false}, {false}, {false}, {false}, 'Europe/London', {true}, {false})
                """);
            foreach (var (rev, started) in new[] { (revision, Moved.AddDays(-30)), (other, Moved.AddDays(30)) })
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "ModuleProgress" ("UserId", "ModuleId", "RevisionId", "StepCount", "QuizCount", "StartedAt", "UpdatedAt", "LastStep")
                    SELECT 'stamp-user', r."ModuleId", r."Id", 4, 0, {started}, {started}, 1 FROM "ModuleRevisions" r WHERE r."Id" = {rev}
                    """);
            }

            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ModuleRatings" ("UserId", "ModuleId", "RevisionId", "Stars", "RatedAt")
                SELECT 'stamp-user', r."ModuleId", r."Id", 4, {Moved.AddDays(-1)} FROM "ModuleRevisions" r WHERE r."Id" = {revision}
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "StuckFlags" ("UserId", "ModuleId", "RevisionId", "StepNumber", "FlaggedAt")
                SELECT 'stamp-user', r."ModuleId", r."Id", 2, {Moved.AddDays(1)} FROM "ModuleRevisions" r WHERE r."Id" = {revision}
                """);
            return (priya.Id, departments["Sales"], departments["Marketing"], revision);
        });

        await site.WithDbAsync(async db =>
        {
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync();
            return 0;
        });

        var (progress, rating, stuck, authors) = await site.WithDbAsync(async db => (
            await db.ModuleProgress.AsNoTracking().Where(p => p.UserId == "stamp-user").OrderBy(p => p.StartedAt).Select(p => new { p.PersonId, p.DepartmentId }).ToListAsync(),
            await db.ModuleRatings.AsNoTracking().Where(r => r.UserId == "stamp-user").Select(r => new { r.PersonId, r.DepartmentId }).SingleAsync(),
            await db.StuckFlags.AsNoTracking().Where(f => f.UserId == "stamp-user").Select(f => new { f.PersonId, f.DepartmentId }).SingleAsync(),
            await db.ModuleRevisions.AsNoTracking().Where(r => r.Authors.Any(a => a.PersonId == person)).SelectMany(r => r.Authors.Where(a => a.PersonId == person)).Select(a => a.DepartmentId).Distinct().ToListAsync()));
        Assert.Equal([(person, marketing), (person, sales)], progress.Select(p => (p.PersonId!.Value, p.DepartmentId!.Value)));
        Assert.Equal((person, marketing), (rating.PersonId!.Value, rating.DepartmentId!.Value));
        Assert.Equal((person, sales), (stuck.PersonId!.Value, stuck.DepartmentId!.Value));

        // The starter revisions were made after the move: Sales.
        Assert.Equal([sales], authors.Select(a => a!.Value));
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

    /// <summary>The starter database taken back to just before the migration.</summary>
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
