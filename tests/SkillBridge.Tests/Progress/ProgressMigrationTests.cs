using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Progress;

public sealed class ProgressMigrationTests
{
    [Fact]
    public async Task Migrate_ExistingAccount_LetsAuthorsSeeItsNameByDefault()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync("20261122050000_DataProtectionKeys");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "TimeZoneId", "UserName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('existing', 'Europe/London', 'old.account', false, false, false, true, 0);
                """);
        }

        await using var upgraded = await database.CreateMigratedContextAsync();

        var user = await upgraded.Users.SingleAsync(u => u.Id == "existing");
        Assert.True(user.SharesProgressWithAuthors);
        Assert.Empty(await upgraded.ModuleProgress.ToListAsync());
    }
}
