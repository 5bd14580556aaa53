using System.Data.Common;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search;

/// <summary>A published module as the index holds it, read from the database (the source of truth).</summary>
public sealed record SearchDocument(
    int ModuleId,
    string Slug,
    string Title,
    string Summary,
    string Body,
    string CategoryKey,
    string CategoryName,
    ModuleLevel Level,
    int Minutes,
    IReadOnlyList<string> Tags,
    IReadOnlyList<(string Username, string Name)> Authors)
{
    /// <summary>The Lucene document: text fields to match, doc values to filter and count, and the body's <paramref name="pairs"/>.</summary>
    public Document ToDocument(SearchPairs pairs)
    {
        var plainBody = SearchText.PlainBody(Body);
        var tags = string.Join(" | ", Tags.Append(CategoryName));
        var authorText = string.Join(" | ", Authors.Select(a => a.Name + " " + a.Username.Replace('.', ' ')));
        // Nothing is stored: the page's titles, summaries and snippets are read from the database (SearchService), which
        // keeps the index small and shows what the database holds now.
        var document = new Document
        {
            new StringField(SearchFields.Id, ModuleId.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(SearchFields.ModuleId, ModuleId),
            new TextField(SearchFields.Title, Title, Field.Store.NO),
            new TextField(SearchFields.Tags, tags, Field.Store.NO),
            new TextField(SearchFields.Summary, Summary, Field.Store.NO),
            new Field(SearchFields.Authors, authorText, WithoutPositions),
            new Field(SearchFields.Words, string.Join(" | ", Title, tags, Summary, authorText), VocabularyOnly),
            new Field(SearchFields.Prefix, Title + " | " + string.Join(" | ", Tags), WithoutPositions),
            new SortedSetDocValuesField(SearchFields.Category, new BytesRef(CategoryKey)),
            new Field(SearchFields.LevelWords, Level.ToString(), VocabularyOnly),
            new SortedSetDocValuesField(SearchFields.Level, new BytesRef(Level.ToString().ToLowerInvariant())),
            new SortedSetDocValuesField(SearchFields.Duration, new BytesRef(DurationOf(Minutes).ToString().ToLowerInvariant())),
            new SortedDocValuesField(SearchFields.TitleSort, new BytesRef(SearchText.Fold(Title))),
        };
        if (pairs.IsEmpty)
        {
            document.Add(new TextField(SearchFields.Body, plainBody, Field.Store.NO));
        }
        else
        {
            var recording = new SearchPairs.Recording(pairs);
            document.Add(new SearchPairs.BodyField(plainBody, TextField.TYPE_NOT_STORED, recording));
            document.Add(new SearchPairs.PairsField(plainBody, WithoutPositions, recording));
        }

        foreach (var username in Authors.Select(a => a.Username).Distinct(StringComparer.Ordinal))
        {
            document.Add(new SortedSetDocValuesField(SearchFields.Author, new BytesRef(username)));
        }

        return document;
    }

    /// <summary>
    /// Fields only ever asked for single terms (authors, prefixes): frequencies for BM25 but no positions,
    /// which phrases and proximity read only in the stemmed fields.
    /// </summary>
    private static readonly FieldType WithoutPositions = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS,
    });

    /// <summary>A field only ever asked which modules hold a word, never scored: no frequencies, no length.</summary>
    private static readonly FieldType VocabularyOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY,
        OmitNorms = true,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public static DurationRange DurationOf(int minutes) =>
        Enum.GetValues<DurationRange>().First(r => minutes >= r.Bounds().Min && minutes <= r.Bounds().Max);

    /// <summary>
    /// What a results page shows of <paramref name="moduleIds"/>, by module id, as the database holds it now: the modules,
    /// then their authors in order, in one round trip (<see cref="ReadByIdsAsync"/>). A module without a cover skips the
    /// image tables (reading them for nothing was a tenth of the read at 100,000 modules). Bodies are read apart, only
    /// for the hits that need a snippet (<see cref="LoadBodiesAsync"/>): most hold the words in the title or summary.
    /// </summary>
    public static async Task<Dictionary<int, SearchShown>> LoadShownAsync(SkillBridgeDbContext db, IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken)
    {
        var rows = new List<(int Id, int RevisionId, SearchShown Shown)>(moduleIds.Count);
        var authors = new Dictionary<int, List<string>>();
        await ReadByIdsAsync(db, moduleIds, ids => $"""
            SELECT m."Id", m."Slug", r."Id", r."Title", r."Summary", c."Key", r."Level", r."Minutes", f."Sha256", f."ContentType"
            FROM "Modules" m
            JOIN "ModuleRevisions" r ON r."Id" = m."PublishedRevisionId"
            JOIN "Categories" c ON c."Id" = r."CategoryId"
            LEFT JOIN "RevisionImages" i ON r."Cover" IS NOT NULL AND i."RevisionId" = r."Id" AND i."Path" = r."Cover"
            LEFT JOIN "MediaFiles" f ON f."Id" = i."MediaFileId"
            WHERE m."Id" IN ({ids});
            SELECT a."RevisionId", p."Name"
            FROM "Modules" m
            JOIN "RevisionAuthors" a ON a."RevisionId" = m."PublishedRevisionId"
            JOIN "People" p ON p."Id" = a."PersonId"
            WHERE m."Id" IN ({ids})
            ORDER BY a."RevisionId", a."Position";
            """,
            [
                reader =>
                {
                    var coverUrl = reader.IsDBNull(8) || reader.IsDBNull(9) ? null : MediaUrls.Of(reader.GetString(8), reader.GetString(9));
                    rows.Add((reader.GetInt32(0), reader.GetInt32(2), new SearchShown(
                        reader.GetString(1), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                        Enum.Parse<ModuleLevel>(reader.GetString(6)), reader.GetInt32(7), "", coverUrl)));
                },
                reader => Add(authors, reader.GetInt32(0), reader.GetString(1)),
            ],
            cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => authors.TryGetValue(r.RevisionId, out var names) ? r.Shown with { AuthorNames = string.Join(", ", names) } : r.Shown);
    }

    /// <summary>The published bodies (Markdown) of <paramref name="moduleIds"/>, by module id, for snippets.</summary>
    public static async Task<Dictionary<int, string>> LoadBodiesAsync(SkillBridgeDbContext db, IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken)
    {
        var bodies = new Dictionary<int, string>(moduleIds.Count);
        await ReadByIdsAsync(db, moduleIds, ids => $"""
            SELECT m."Id", r."Body"
            FROM "Modules" m
            JOIN "ModuleRevisions" r ON r."Id" = m."PublishedRevisionId"
            WHERE m."Id" IN ({ids});
            """,
            [reader => bodies[reader.GetInt32(0)] = reader.GetString(1)],
            cancellationToken);
        return bodies;
    }

    /// <summary>Slugs and titles of <paramref name="moduleIds"/>, for header suggestions.</summary>
    public static async Task<Dictionary<int, (string Slug, string Title)>> LoadTitlesAsync(SkillBridgeDbContext db, IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken)
    {
        var rows = await db.Modules.AsNoTracking()
            .Where(m => moduleIds.Contains(m.Id) && m.PublishedRevisionId != null)
            .Select(m => new { m.Id, m.Slug, m.PublishedRevision!.Title })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.Slug, r.Title));
    }

    /// <summary>
    /// The published modules among <paramref name="moduleIds"/>; those not published are simply absent. A rebuild reads
    /// every module this way, a batch at a time: the modules, their tags and their authors in order, in one round trip
    /// (<see cref="ReadByIdsAsync"/>).
    /// </summary>
    public static async Task<List<SearchDocument>> LoadAsync(SkillBridgeDbContext db, IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken)
    {
        var rows = new List<SearchDocument>(moduleIds.Count);
        var tags = new Dictionary<int, List<string>>();
        var authors = new Dictionary<int, List<(string, string)>>();
        await ReadByIdsAsync(db, moduleIds, ids => $"""
            SELECT m."Id", m."Slug", r."Title", r."Summary", r."Body", c."Key", c."Name", r."Level", r."Minutes"
            FROM "Modules" m
            JOIN "ModuleRevisions" r ON r."Id" = m."PublishedRevisionId"
            JOIN "Categories" c ON c."Id" = r."CategoryId"
            WHERE m."Id" IN ({ids}) AND m."Status" = '{ModuleStatus.Published}'
            ORDER BY m."Id";
            SELECT m."Id", t."Tag"
            FROM "Modules" m
            JOIN "RevisionTags" t ON t."RevisionId" = m."PublishedRevisionId"
            WHERE m."Id" IN ({ids})
            ORDER BY m."Id", t."Tag";
            SELECT m."Id", p."Username", p."Name"
            FROM "Modules" m
            JOIN "RevisionAuthors" a ON a."RevisionId" = m."PublishedRevisionId"
            JOIN "People" p ON p."Id" = a."PersonId"
            WHERE m."Id" IN ({ids})
            ORDER BY m."Id", a."Position";
            """,
            [
                reader => rows.Add(new SearchDocument(
                    reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), Enum.Parse<ModuleLevel>(reader.GetString(7)), reader.GetInt32(8), [], [])),
                reader => Add(tags, reader.GetInt32(0), reader.GetString(1)),
                reader => Add(authors, reader.GetInt32(0), (reader.GetString(1), reader.GetString(2))),
            ],
            cancellationToken);
        return rows.ConvertAll(r => r with { Tags = tags.GetValueOrDefault(r.ModuleId) ?? [], Authors = authors.GetValueOrDefault(r.ModuleId) ?? [] });
    }

    /// <summary>
    /// Runs the statements <paramref name="sql"/> makes of the module ids (as parameters) in one round trip on the context's
    /// connection, and hands each row of the n-th result to the n-th reader. Plain SQL that reads the same on SQLite and
    /// PostgreSQL: searches and rebuilds read modules by id all the time, and EF's query pipeline took about three times
    /// as long as the database did (a third of a search's time; a third of a rebuild's processor time).
    /// </summary>
    private static async Task ReadByIdsAsync(
        SkillBridgeDbContext db, IReadOnlyCollection<int> moduleIds, Func<string, string> sql, Action<DbDataReader>[] readers, CancellationToken cancellationToken)
    {
        if (moduleIds.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = new List<string>(moduleIds.Count);
            foreach (var id in moduleIds)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@m" + names.Count;
                parameter.Value = id;
                command.Parameters.Add(parameter);
                names.Add(parameter.ParameterName);
            }

            command.CommandText = sql(string.Join(", ", names));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            for (var result = 0; result < readers.Length; result++)
            {
                if (result > 0 && !await reader.NextResultAsync(cancellationToken))
                {
                    break;
                }

                while (await reader.ReadAsync(cancellationToken))
                {
                    readers[result](reader);
                }
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Add<T>(Dictionary<int, List<T>> lists, int key, T value)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(value);
    }
}

/// <summary>A found module as a results page shows it.</summary>
public sealed record SearchShown(string Slug, string Title, string Summary, string CategoryKey, ModuleLevel Level, int Minutes, string AuthorNames, string? CoverUrl = null);
