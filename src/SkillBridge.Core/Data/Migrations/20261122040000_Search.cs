using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SkillBridge.Core.Search;

namespace SkillBridge.Core.Data.Migrations;

/// <summary>
/// Full-text search on SQLite FTS5 (the index, its term list and a version row), filled from what is published now;
/// and the log of searches that found nothing, on every provider.
/// </summary>
[DbContext(typeof(SkillBridgeDbContext))]
[Migration("20261122040000_Search")]
public sealed class FullTextSearch : Migration
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

        foreach (var statement in SearchSchema.CreateStatements)
        {
            migrationBuilder.Sql(statement);
        }

        // A database upgraded with modules already published: the index starts complete. Bodies are indexed as
        // stored here (Markdown); the next publish or a `reindex` rewrites each row with the plain text the writer makes.
        migrationBuilder.Sql($"""
            INSERT INTO "{SearchSchema.IndexTable}" (rowid, title, tags, summary, body, authors, slug, category, level, minutes, author_keys, author_names)
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

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MissedSearches");
        if (migrationBuilder.IsSqlite())
        {
            foreach (var statement in SearchSchema.DropStatements)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
