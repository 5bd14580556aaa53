using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SkillBridge.Core;
using SkillBridge.Core.Data;

namespace SkillBridge.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the site.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SkillBridgeDbContext>
{
    public SkillBridgeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
        DependencyInjection.Configure(builder, new SkillBridgeOptions
        {
            DatabaseProvider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        });
        return new SkillBridgeDbContext(builder.Options);
    }
}
