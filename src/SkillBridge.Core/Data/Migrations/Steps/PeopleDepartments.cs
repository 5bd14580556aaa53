using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SkillBridge.Core.Data.Migrations.Steps;

/// <summary>
/// Turns the old free-text People.Department into the department list: each distinct non-empty text (trimmed) becomes a
/// Departments row, each person gets an open DepartmentMembership with StartedAt null (in it before the site kept
/// history) and People.DepartmentId points at it. Called as the last line of the generated migration's Up, it puts
/// its first statements just before that migration drops the old column (EF generates the drop before the new column
/// is added, so the copy into DepartmentId runs at the end, from the memberships). <see cref="Revert"/>, the last line
/// of Down, writes each person's current department name back into the re-added text column.
/// </summary>
public static class PeopleDepartments
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var drop = migrationBuilder.Operations.FindIndex(o => o is DropColumnOperation { Table: "People", Name: "Department" });
        if (drop < 0)
        {
            throw new InvalidOperationException("PeopleDepartments.Apply must be called after the migration drops People.Department.");
        }

        var before = BeforeDropStatements().Select(sql => new SqlOperation { Sql = sql }).ToList();
        migrationBuilder.Operations.InsertRange(drop, before);
        migrationBuilder.Sql(FillDepartmentIdStatement);
    }

    public static void Revert(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(RevertStatement);
    }

    /// <summary>The name of each person's current department back into People.Department.</summary>
    public const string RevertStatement = """
        UPDATE "People" SET "Department" = (
            SELECT d."Name" FROM "DepartmentMemberships" AS m JOIN "Departments" AS d ON d."Id" = m."DepartmentId"
            WHERE m."PersonId" = "People"."Id" AND m."EndedAt" IS NULL)
        WHERE EXISTS (SELECT 1 FROM "DepartmentMemberships" AS m WHERE m."PersonId" = "People"."Id" AND m."EndedAt" IS NULL);
        """;

    /// <summary>Departments from the distinct texts (no duplicate of a name already listed), then one open membership per person.</summary>
    public static IEnumerable<string> BeforeDropStatements()
    {
        yield return """
            INSERT INTO "Departments" ("Name")
            SELECT DISTINCT TRIM("Department") FROM "People" AS p
            WHERE TRIM(p."Department") <> ''
                AND NOT EXISTS (SELECT 1 FROM "Departments" AS d WHERE d."Name" = TRIM(p."Department"));
            """;
        yield return """
            INSERT INTO "DepartmentMemberships" ("PersonId", "DepartmentId", "StartedAt", "EndedAt")
            SELECT p."Id", d."Id", NULL, NULL FROM "People" AS p
            JOIN "Departments" AS d ON d."Name" = TRIM(p."Department")
            WHERE TRIM(p."Department") <> ''
                AND NOT EXISTS (SELECT 1 FROM "DepartmentMemberships" AS m WHERE m."PersonId" = p."Id" AND m."EndedAt" IS NULL);
            """;
    }

    /// <summary>Each person's DepartmentId from their open membership.</summary>
    public const string FillDepartmentIdStatement = """
        UPDATE "People" SET "DepartmentId" = (
            SELECT m."DepartmentId" FROM "DepartmentMemberships" AS m WHERE m."PersonId" = "People"."Id" AND m."EndedAt" IS NULL)
        WHERE EXISTS (SELECT 1 FROM "DepartmentMemberships" AS m WHERE m."PersonId" = "People"."Id" AND m."EndedAt" IS NULL);
        """;
}
