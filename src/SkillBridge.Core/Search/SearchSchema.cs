namespace SkillBridge.Core.Search;

/// <summary>
/// The SQLite FTS5 objects that search used before it moved to Lucene.Net (issue 12), as the history migrations
/// created them; the SearchChangeLog migration drops them (<see cref="Data.Migrations.Steps.DropFullTextSearch"/>).
/// Kept because those migrations, frozen, still build them on the way up. Nothing else reads them.
/// </summary>
public static class SearchSchema
{
    /// <summary>One row per published module, rowid = module id. Indexed columns come first, in bm25 weight order.</summary>
    public const string IndexTable = "SearchIndex";

    /// <summary>fts5vocab over <see cref="IndexTable"/>: every indexed (stemmed) term with its document count, for typo correction.</summary>
    public const string TermsTable = "SearchTerms";

    /// <summary>A single row whose Version goes up in the same transaction as every index change (caches key on it).</summary>
    public const string StateTable = "SearchIndexState";

    /// <summary>
    /// An ordinary table with each indexed module's category, level, minutes and authors and the index version that last
    /// wrote it (Indexed = 0 once it left the index), so the FTS5 engine's facet map kept facet counts in memory and
    /// reads only what changed since it last looked.
    /// </summary>
    public const string DocumentsTable = "SearchDocuments";

    /// <summary>
    /// The short fields (title, tags, summary) and filter tokens of every indexed module, in an index of their own:
    /// its lists hold a few percent of a common word's modules, so ranking tiers read it instead of <see cref="IndexTable"/>.
    /// Contentless: it is only ever asked for rowids.
    /// </summary>
    public const string HeadTable = "SearchHead";

    /// <summary>The text columns of <see cref="HeadTable"/>.</summary>
    public const string HeadColumns = "title tags summary";

    /// <summary>The columns a learner's words are matched in; <c>filters</c> holds tokens for category, level, duration and authors.</summary>
    public const string TextColumns = "title tags summary body authors";

    /// <summary>Every object the search migrations create outside the EF model, including FTS5's shadow tables.</summary>
    public static readonly IReadOnlyList<string> ObjectsOutsideTheModel =
    [
        IndexTable, IndexTable + "_data", IndexTable + "_idx", IndexTable + "_content", IndexTable + "_docsize", IndexTable + "_config",
        TermsTable, StateTable, DocumentsTable,
        HeadTable, HeadTable + "_data", HeadTable + "_idx", HeadTable + "_docsize", HeadTable + "_config",
    ];

    /// <summary>
    /// Field weights for bm25, in column order: title counts most, then tags, summary, body; authors sit between
    /// summary and body; filter tokens count nothing. The UNINDEXED columns after them never match.
    /// </summary>
    public const string RankFunction = "bm25(10.0, 5.0, 3.0, 1.0, 2.0, 0.0)";

    /// <summary>The weights of <see cref="RankFunction"/> for the head index's columns.</summary>
    public const string HeadRankFunction = "bm25(10.0, 5.0, 3.0, 0.0)";

    /// <summary>The index and its term list as they are now (migration 20261122060000_SearchSpeed creates them).</summary>
    public static readonly string[] CreateIndexStatements =
    [
        // porter over unicode61 with remove_diacritics 2: "sharing" finds "share", "café" finds "cafe".
        // prefix='2 3': short prefixes (as typed in the header box) read a prefix index instead of scanning terms.
        // filters: one token per category, level, duration range and author (SearchFilterTokens), so a filter is part
        // of the MATCH and FTS5 intersects lists instead of reading every matching row to test a column.
        $"""
        CREATE VIRTUAL TABLE "{IndexTable}" USING fts5(
            title, tags, summary, body, authors, filters,
            slug UNINDEXED, category UNINDEXED, level UNINDEXED, minutes UNINDEXED, author_keys UNINDEXED, author_names UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2',
            prefix = '2 3'
        )
        """,
        $"INSERT INTO \"{IndexTable}\"(\"{IndexTable}\", rank) VALUES ('rank', '{RankFunction}')",
        $"CREATE VIRTUAL TABLE \"{TermsTable}\" USING fts5vocab(\"{IndexTable}\", 'row')",
        $"""
        CREATE VIRTUAL TABLE "{HeadTable}" USING fts5(
            title, tags, summary, filters,
            tokenize = 'porter unicode61 remove_diacritics 2',
            prefix = '2 3',
            content = '',
            contentless_delete = 1
        )
        """,
        $"INSERT INTO \"{HeadTable}\"(\"{HeadTable}\", rank) VALUES ('rank', '{HeadRankFunction}')",
    ];

    public static readonly string[] CreateDocumentsStatements =
    [
        $"""
        CREATE TABLE "{DocumentsTable}" (
            "ModuleId" INTEGER NOT NULL PRIMARY KEY,
            "Version" INTEGER NOT NULL,
            "Indexed" INTEGER NOT NULL,
            "Category" TEXT NOT NULL,
            "Level" TEXT NOT NULL,
            "Minutes" INTEGER NOT NULL,
            "AuthorKeys" TEXT NOT NULL
        )
        """,
        $"CREATE INDEX \"IX_{DocumentsTable}_Version\" ON \"{DocumentsTable}\" (\"Version\")",
    ];

    public static readonly string[] DropIndexStatements =
    [
        $"DROP TABLE IF EXISTS \"{TermsTable}\"",
        $"DROP TABLE IF EXISTS \"{IndexTable}\"",
        $"DROP TABLE IF EXISTS \"{HeadTable}\"",
    ];
}
