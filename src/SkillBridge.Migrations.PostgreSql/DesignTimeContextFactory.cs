using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SkillBridge.Core;
using SkillBridge.Core.Data;

namespace SkillBridge.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server (adding a migration never connects).</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SkillBridgeDbContext>
{
    public SkillBridgeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
        DependencyInjection.Configure(builder, new SkillBridgeOptions
        {
            DatabaseProvider = DatabaseProvider.PostgreSql,
            ConnectionString = "Host=localhost;Database=skillbridge_design_time",
        });
        return new SkillBridgeDbContext(builder.Options);
    }
}
