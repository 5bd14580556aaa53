using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using SkillBridge.Core.Search;

namespace SkillBridge.Core.Data.Migrations.History;

/// <summary>
/// Full-text search on SQLite FTS5 (the index, its term list and a version row), filled from what is published now;
/// and the log of searches that found nothing, on every provider.
/// </summary>
public abstract class FullTextSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MissedSearches",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Query = table.Column<string>(maxLength: MissedSearch.MaxQueryLength, nullable: false),
                NormalizedQuery = table.Column<string>(maxLength: MissedSearch.MaxQueryLength, nullable: false),
                SearchedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MissedSearches", x => x.Id));
        migrationBuilder.CreateIndex("IX_MissedSearches_NormalizedQuery", "MissedSearches", "NormalizedQuery");
        migrationBuilder.CreateIndex("IX_MissedSearches_SearchedAt", "MissedSearches", "SearchedAt");

        // FTS5 exists on SQLite only. PostgreSQL search (a weighted tsvector with GIN) comes with its own migration
        // later; until then search on PostgreSQL finds nothing rather than failing (SearchService checks the provider).
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }

        foreach (var statement in CreateStatements)
        {
            migrationBuilder.Sql(statement);
        }

        // A database upgraded with modules already published: the index starts complete. Bodies are indexed as
        // stored here (Markdown); the next publish or a `reindex` rewrites each row with the plain text the writer makes.
        migrationBuilder.Sql($"""
            INSERT INTO "SearchIndex" (rowid, title, tags, summary, body, authors, slug, category, level, minutes, author_keys, author_names)
            SELECT m."Id", r."Title",
                   coalesce((SELECT group_concat(t."Tag", ' | ') FROM "RevisionTags" t WHERE t."RevisionId" = r."Id"), '') || ' | ' || c."Name",
                   r."Summary", r."Body",
                   coalesce((SELECT group_concat(p."Name" || ' ' || p."Username", ' | ') FROM "RevisionAuthors" a JOIN "People" p ON p."Id" = a."PersonId" WHERE a."RevisionId" = r."Id"), ''),
                   m."Slug", c."Key", r."Level", r."Minutes",
                   '|' || coalesce((SELECT group_concat(p."Username", '|') FROM "RevisionAuthors" a JOIN "People" p ON p."Id" = a."PersonId" WHERE a."RevisionId" = r."Id"), '') || '|',
                   coalesce((SELECT group_concat(p."Name", ', ') FROM "RevisionAuthors" a JOIN "People" p ON p."Id" = a."PersonId" WHERE a."RevisionId" = r."Id"), '')
            FROM "Modules" m
            JOIN "ModuleRevisions" r ON r."Id" = m."PublishedRevisionId"
            JOIN "Categories" c ON c."Id" = r."CategoryId"
            WHERE m."Status" = 'Published'
            """);
    }

    /// <summary>The index as this migration made it (20261122060000_SearchSpeed replaces it): frozen here, not read from <see cref="SearchSchema"/>.</summary>
    /// <remarks>The first three create the index, its rank setting and its term list; the last two the version row.</remarks>
    internal static readonly string[] CreateStatements =
    [
        """
        CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
            title, tags, summary, body, authors,
            slug UNINDEXED, category UNINDEXED, level UNINDEXED, minutes UNINDEXED, author_keys UNINDEXED, author_names UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2',
            prefix = '2 3'
        )
        """,
        "INSERT INTO \"SearchIndex\"(\"SearchIndex\", rank) VALUES ('rank', 'bm25(10.0, 5.0, 3.0, 1.0, 2.0)')",
        "CREATE VIRTUAL TABLE \"SearchTerms\" USING fts5vocab(\"SearchIndex\", 'row')",
        "CREATE TABLE \"SearchIndexState\" (\"Id\" INTEGER NOT NULL PRIMARY KEY CHECK (\"Id\" = 1), \"Version\" INTEGER NOT NULL)",
        "INSERT INTO \"SearchIndexState\" (\"Id\", \"Version\") VALUES (1, 0)",
    ];

    private static readonly string[] DropStatements =
    [
        "DROP TABLE IF EXISTS \"SearchTerms\"",
        "DROP TABLE IF EXISTS \"SearchIndex\"",
        "DROP TABLE IF EXISTS \"SearchIndexState\"",
    ];

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MissedSearches");
        if (migrationBuilder.IsSqlite())
        {
            foreach (var statement in DropStatements)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
