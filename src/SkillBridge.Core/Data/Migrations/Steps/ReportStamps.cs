using Microsoft.EntityFrameworkCore.Migrations;

namespace SkillBridge.Core.Data.Migrations.Steps;

/// <summary>
/// Fills the learner's person and department on existing progress, ratings and stuck flags, and each credited author's
/// department on existing revisions, from the accounts and the department history (the department at the time the row
/// was made; for authors, when the revision was made). New rows are stamped as they are written, so reports group by
/// these columns instead of joining the history for every row. Called as the last line of the generated migration's Up.
/// </summary>
public static class ReportStamps
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var sql in Statements())
        {
            migrationBuilder.Sql(sql);
        }
    }

    public static IEnumerable<string> Statements()
    {
        foreach (var (table, at) in new[] { ("ModuleProgress", "StartedAt"), ("ModuleRatings", "RatedAt"), ("StuckFlags", "FlaggedAt") })
        {
            yield return $"""
                UPDATE "{table}" SET "PersonId" = (SELECT u."PersonId" FROM "AspNetUsers" AS u WHERE u."Id" = "{table}"."UserId")
                WHERE "PersonId" IS NULL AND "UserId" IS NOT NULL;
                """;
            yield return $"""
                UPDATE "{table}" SET "DepartmentId" = (
                    SELECT m."DepartmentId" FROM "DepartmentMemberships" AS m
                    WHERE m."PersonId" = "{table}"."PersonId"
                        AND (m."StartedAt" IS NULL OR m."StartedAt" <= "{table}"."{at}")
                        AND (m."EndedAt" IS NULL OR m."EndedAt" > "{table}"."{at}")
                    ORDER BY m."Id" DESC LIMIT 1)
                WHERE "DepartmentId" IS NULL AND "PersonId" IS NOT NULL;
                """;
        }

        yield return """
            UPDATE "RevisionAuthors" SET "DepartmentId" = (
                SELECT m."DepartmentId" FROM "DepartmentMemberships" AS m JOIN "ModuleRevisions" AS r ON r."Id" = "RevisionAuthors"."RevisionId"
                WHERE m."PersonId" = "RevisionAuthors"."PersonId"
                    AND (m."StartedAt" IS NULL OR m."StartedAt" <= r."CreatedAt")
                    AND (m."EndedAt" IS NULL OR m."EndedAt" > r."CreatedAt")
                ORDER BY m."Id" DESC LIMIT 1)
            WHERE "DepartmentId" IS NULL;
            """;
    }
}
