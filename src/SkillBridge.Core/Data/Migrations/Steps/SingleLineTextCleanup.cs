using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using SkillBridge.Core.Content;

namespace SkillBridge.Core.Data.Migrations.Steps;

/// <summary>
/// Replaces each line break and control character (<see cref="SingleLineText"/>) in stored single-line values with a
/// space, on SQLite and PostgreSQL: values stored before forms and import refused them could break a mail header or a
/// calendar file. Called from the generated migration's Up; there is no Down (the old characters are not worth keeping).
/// </summary>
public static class SingleLineTextCleanup
{
    /// <summary>Plain text columns that hold one line.</summary>
    public static IReadOnlyList<(string Table, string Column)> TextColumns { get; } =
    [
        ("ModuleRevisions", "Title"),
        ("ModuleRevisions", "Summary"),
        ("ModuleDrafts", "Title"),
        ("ModuleDrafts", "Summary"),
        ("LearningPaths", "Title"),
        ("LearningPaths", "Summary"),
        ("People", "Name"),
        ("People", "Department"),
        ("Categories", "Name"),
        ("Invitations", "Email"),
        ("Invitations", "Username"),
    ];

    /// <summary>List columns (JSON text on SQLite, text[] on PostgreSQL) whose items each hold one line.</summary>
    public static IReadOnlyList<(string Table, string Column)> ListColumns { get; } =
    [
        ("ModuleDrafts", "Tags"),
        ("People", "HelpsWith"),
        ("People", "Roles"),
    ];

    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var sql in migrationBuilder.IsSqlite() ? SqliteStatements() : PostgreSqlStatements())
        {
            migrationBuilder.Sql(sql);
        }
    }

    public static IEnumerable<string> SqliteStatements()
    {
        foreach (var (table, column) in TextColumns)
        {
            var clean = SqliteClean($"\"{column}\"");
            yield return $"UPDATE \"{table}\" SET \"{column}\" = {clean} WHERE \"{column}\" <> {clean};";
        }

        foreach (var (table, column) in ListColumns)
        {
            var clean = SqliteClean("value");
            yield return $"""
                UPDATE "{table}" SET "{column}" = (
                    SELECT json_group_array({clean}) FROM (SELECT value FROM json_each("{table}"."{column}") ORDER BY key))
                WHERE json_valid("{column}") AND EXISTS (SELECT 1 FROM json_each("{table}"."{column}") WHERE value <> {clean});
                """;
        }

        // Tags of a revision are its key: a cleaned tag that another tag of the revision already is (or becomes) goes.
        var tag = SqliteClean("\"Tag\"");
        var otherTag = SqliteClean("o.\"Tag\"");
        yield return $"""
            DELETE FROM "RevisionTags" WHERE "Tag" <> {tag} AND EXISTS (
                SELECT 1 FROM "RevisionTags" AS o
                WHERE o."RevisionId" = "RevisionTags"."RevisionId" AND {otherTag} = {SqliteClean("\"RevisionTags\".\"Tag\"")}
                    AND (o."Tag" = {otherTag} OR o."Tag" < "RevisionTags"."Tag"));
            """;
        yield return $"UPDATE \"RevisionTags\" SET \"Tag\" = {tag} WHERE \"Tag\" <> {tag};";
    }

    public static IEnumerable<string> PostgreSqlStatements()
    {
        foreach (var (table, column) in TextColumns)
        {
            yield return $"UPDATE \"{table}\" SET \"{column}\" = {PostgreSqlClean($"\"{column}\"")} WHERE \"{column}\" ~ '{PostgreSqlPattern}';";
        }

        foreach (var (table, column) in ListColumns)
        {
            yield return $"""
                UPDATE "{table}" SET "{column}" = ARRAY(
                    SELECT {PostgreSqlClean("item")} FROM unnest("{column}") WITH ORDINALITY AS list(item, position) ORDER BY position)
                WHERE EXISTS (SELECT 1 FROM unnest("{column}") AS list(item) WHERE item ~ '{PostgreSqlPattern}');
                """;
        }

        yield return $"""
            DELETE FROM "RevisionTags" AS t WHERE t."Tag" ~ '{PostgreSqlPattern}' AND EXISTS (
                SELECT 1 FROM "RevisionTags" AS o
                WHERE o."RevisionId" = t."RevisionId" AND {PostgreSqlClean("o.\"Tag\"")} = {PostgreSqlClean("t.\"Tag\"")}
                    AND (o."Tag" !~ '{PostgreSqlPattern}' OR o."Tag" < t."Tag"));
            """;
        yield return $"UPDATE \"RevisionTags\" SET \"Tag\" = {PostgreSqlClean("\"Tag\"")} WHERE \"Tag\" ~ '{PostgreSqlPattern}';";
    }

    /// <summary>A regular expression class of the forbidden characters (PostgreSQL text cannot hold NUL).</summary>
    private const string PostgreSqlPattern = @"[\x01-\x1f\x7f-\x9f\u2028\u2029]";

    private static string PostgreSqlClean(string expression) => $"regexp_replace({expression}, '{PostgreSqlPattern}', ' ', 'g')";

    /// <summary>replace(replace(…, char(1), ' '), char(2), ' ') over every forbidden character.</summary>
    private static string SqliteClean(string expression)
    {
        var sql = new StringBuilder(expression);
        foreach (var c in SingleLineText.ForbiddenCharacters)
        {
            sql.Insert(0, "replace(").Append(CultureInfo.InvariantCulture, $", char({(int)c}), ' ')");
        }

        return sql.ToString();
    }
}
