using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using SkillBridge.Core.Search;

namespace SkillBridge.Core.Data.Migrations.Steps;

/// <summary>
/// Search moved to Lucene.Net (issue 12): each node keeps its own index in its data folder, so the SQLite FTS5 index,
/// its term list, version row and facet table go. Called as the last line of the generated migration's Up; PostgreSQL
/// never had them. Down leaves them out: the reindex command of an older build recreates what it needs.
/// </summary>
public static class DropFullTextSearch
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }

        foreach (var statement in SearchSchema.DropIndexStatements)
        {
            migrationBuilder.Sql(statement);
        }

        migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{SearchSchema.DocumentsTable}\"");
        migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{SearchSchema.StateTable}\"");
    }
}
