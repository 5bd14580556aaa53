using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using SkillBridge.Core.Search;

namespace SkillBridge.Core.Data.Migrations.History;

/// <summary>
/// Search speed: the index gains a <c>filters</c> column (category, level, duration and author tokens, so filters are
/// part of the MATCH); a second, contentless index of titles, tags and summaries (SearchHead) serves the ranking
/// tiers; an ordinary SearchDocuments table feeds in-memory facet counts. All are filled from what is published now,
/// in the migration's transaction.
/// </summary>
public abstract class SearchSpeed : Migration
{
    private const string AuthorsOfRevision = """
        FROM "RevisionAuthors" a JOIN "People" p ON p."Id" = a."PersonId" WHERE a."RevisionId" = r."Id"
        """;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }

        foreach (var statement in SearchSchema.DropIndexStatements.Concat(SearchSchema.CreateIndexStatements).Concat(SearchSchema.CreateDocumentsStatements))
        {
            migrationBuilder.Sql(statement);
        }

        migrationBuilder.Sql($"UPDATE \"{SearchSchema.StateTable}\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1");

        // Bodies go in as stored (Markdown); the next publish or a `reindex` rewrites each row with the plain text the
        // writer makes. The filter tokens are those of SearchFilterTokens, computed in SQL.
        migrationBuilder.Sql($"""
            INSERT INTO "{SearchSchema.IndexTable}" (rowid, title, tags, summary, body, authors, filters, slug, category, level, minutes, author_keys, author_names)
            SELECT m."Id", r."Title",
                   coalesce((SELECT group_concat(t."Tag", ' | ') FROM "RevisionTags" t WHERE t."RevisionId" = r."Id"), '') || ' | ' || c."Name",
                   r."Summary", r."Body",
                   coalesce((SELECT group_concat(p."Name" || ' ' || p."Username", ' | ') {AuthorsOfRevision}), ''),
                   'sbfc' || lower(hex(c."Key")) || '0 sbfl' || lower(hex(lower(r."Level"))) || '0 ' || ({SearchFilterTokens.DurationSql("r.\"Minutes\"")})
                       || coalesce((SELECT group_concat(' sbfa' || lower(hex(p."Username")) || '0', '') {AuthorsOfRevision}), ''),
                   m."Slug", c."Key", r."Level", r."Minutes",
                   '|' || coalesce((SELECT group_concat(p."Username", '|') {AuthorsOfRevision}), '') || '|',
                   coalesce((SELECT group_concat(p."Name", ', ') {AuthorsOfRevision}), '')
            FROM "Modules" m
            JOIN "ModuleRevisions" r ON r."Id" = m."PublishedRevisionId"
            JOIN "Categories" c ON c."Id" = r."CategoryId"
            WHERE m."Status" = 'Published'
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "{SearchSchema.HeadTable}" (rowid, title, tags, summary, filters)
            SELECT rowid, title, tags, summary, filters FROM "{SearchSchema.IndexTable}"
            """);
        migrationBuilder.Sql($"INSERT INTO \"{SearchSchema.IndexTable}\"(\"{SearchSchema.IndexTable}\") VALUES ('optimize')");
        migrationBuilder.Sql($"INSERT INTO \"{SearchSchema.HeadTable}\"(\"{SearchSchema.HeadTable}\") VALUES ('optimize')");
        migrationBuilder.Sql($"""
            INSERT INTO "{SearchSchema.DocumentsTable}" ("ModuleId", "Version", "Indexed", "Category", "Level", "Minutes", "AuthorKeys")
            SELECT rowid, (SELECT "Version" FROM "{SearchSchema.StateTable}" WHERE "Id" = 1), 1, category, level, minutes, author_keys
            FROM "{SearchSchema.IndexTable}"
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }

        // Back to the earlier shape, empty: run `reindex` with the earlier version of the application after downgrading.
        migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{SearchSchema.DocumentsTable}\"");
        foreach (var statement in SearchSchema.DropIndexStatements.Concat(FullTextSearch.CreateStatements[..3]))
        {
            migrationBuilder.Sql(statement);
        }
    }
}
