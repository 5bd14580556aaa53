using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkillBridge.Core.Data.Migrations.Steps;

/// <summary>
/// Paths stored before the path builder came from import and were shown to everyone: each becomes a published path
/// whose revision 1 (source Import) holds its current modules, so a later import treats it as unchanged in the site.
/// Its modules count as added when the migration runs. Called from the generated migration's Up, on both engines.
/// </summary>
public static class LearningPathRevisions
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var now = migrationBuilder.IsSqlite() ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : "now()";
        migrationBuilder.Sql($"""UPDATE "LearningPaths" SET "Status" = 'Published', "CreatedAt" = {now}, "PublishedAt" = {now};""");
        migrationBuilder.Sql($"""UPDATE "LearningPathModules" SET "AddedAt" = {now};""");
        migrationBuilder.Sql($"""
            INSERT INTO "LearningPathRevisions" ("LearningPathId", "Number", "Title", "Summary", "CreatedAt", "Source")
            SELECT "Id", 1, "Title", "Summary", {now}, 'Import' FROM "LearningPaths";
            """);
        migrationBuilder.Sql("""
            INSERT INTO "LearningPathRevisionModules" ("RevisionId", "Position", "ModuleId")
            SELECT r."Id", m."Position", m."ModuleId"
            FROM "LearningPathModules" AS m JOIN "LearningPathRevisions" AS r ON r."LearningPathId" = m."LearningPathId";
            """);
        migrationBuilder.Sql("""
            UPDATE "LearningPaths" SET
                "PublishedRevisionId" = (SELECT r."Id" FROM "LearningPathRevisions" AS r WHERE r."LearningPathId" = "LearningPaths"."Id"),
                "LastImportedRevisionId" = (SELECT r."Id" FROM "LearningPathRevisions" AS r WHERE r."LearningPathId" = "LearningPaths"."Id");
            """);
    }
}
