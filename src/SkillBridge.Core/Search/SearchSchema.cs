namespace SkillBridge.Core.Search;

/// <summary>
/// The SQLite objects behind search. None of them is part of the EF model: FTS5 virtual tables (and their shadow
/// tables) cannot be described by it, so the Search migration creates them with raw SQL and only the index writer
/// and <see cref="SearchService"/> touch them.
/// </summary>
public static class SearchSchema
{
    /// <summary>One row per published module, rowid = module id. Indexed columns come first, in bm25 weight order.</summary>
    public const string IndexTable = "SearchIndex";

    /// <summary>fts5vocab over <see cref="IndexTable"/>: every indexed (stemmed) term with its document count, for typo correction.</summary>
    public const string TermsTable = "SearchTerms";

    /// <summary>A single row whose Version goes up in the same transaction as every index change (caches key on it).</summary>
    public const string StateTable = "SearchIndexState";

    /// <summary>Every object the Search migration creates outside the EF model, including FTS5's shadow tables.</summary>
    public static readonly IReadOnlyList<string> ObjectsOutsideTheModel =
    [
        IndexTable, IndexTable + "_data", IndexTable + "_idx", IndexTable + "_content", IndexTable + "_docsize", IndexTable + "_config",
        TermsTable, StateTable,
    ];

    /// <summary>
    /// Field weights for bm25, in column order: title counts most, then tags, summary, body; authors sit between
    /// summary and body. The UNINDEXED columns after them never match, so their weight does not matter.
    /// </summary>
    public const string RankFunction = "bm25(10.0, 5.0, 3.0, 1.0, 2.0)";

    public static readonly string[] CreateStatements =
    [
        // porter over unicode61 with remove_diacritics 2: "sharing" finds "share", "café" finds "cafe".
        // prefix='2 3': short prefixes (as typed in the header box) read a prefix index instead of scanning terms.
        $"""
        CREATE VIRTUAL TABLE "{IndexTable}" USING fts5(
            title, tags, summary, body, authors,
            slug UNINDEXED, category UNINDEXED, level UNINDEXED, minutes UNINDEXED, author_keys UNINDEXED, author_names UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2',
            prefix = '2 3'
        )
        """,
        $"INSERT INTO \"{IndexTable}\"(\"{IndexTable}\", rank) VALUES ('rank', '{RankFunction}')",
        $"CREATE VIRTUAL TABLE \"{TermsTable}\" USING fts5vocab(\"{IndexTable}\", 'row')",
        $"CREATE TABLE \"{StateTable}\" (\"Id\" INTEGER NOT NULL PRIMARY KEY CHECK (\"Id\" = 1), \"Version\" INTEGER NOT NULL)",
        $"INSERT INTO \"{StateTable}\" (\"Id\", \"Version\") VALUES (1, 0)",
    ];

    public static readonly string[] DropStatements =
    [
        $"DROP TABLE IF EXISTS \"{TermsTable}\"",
        $"DROP TABLE IF EXISTS \"{IndexTable}\"",
        $"DROP TABLE IF EXISTS \"{StateTable}\"",
    ];
}
