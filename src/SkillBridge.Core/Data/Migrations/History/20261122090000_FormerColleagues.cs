using Microsoft.EntityFrameworkCore.Migrations;

namespace SkillBridge.Core.Data.Migrations.History;

/// <summary>
/// When an account was created (for the personal data export) and when a credited person left (their row is then kept,
/// anonymised, as "a former colleague"). Adds columns only, so it applies after any migration that adds tables.
/// </summary>
public abstract class FormerColleagues : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "LeftAt", table: "People", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "CreatedAt", table: "AspNetUsers", nullable: true);

        // Existing accounts: the audit log has recorded every creation since accounts exist.
        migrationBuilder.Sql("""
            UPDATE "AspNetUsers" SET "CreatedAt" =
                (SELECT MIN(e."At") FROM "AuditEntries" e WHERE e."Action" = 'AccountCreated' AND e."Subject" = "AspNetUsers"."UserName")
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "CreatedAt", table: "AspNetUsers");
        migrationBuilder.DropColumn(name: "LeftAt", table: "People");
    }
}
