using Lucene.Net.Documents;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
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
    /// <summary>The Lucene document: text fields to match, stored fields to show, doc values to filter and count.</summary>
    public Document ToDocument()
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
            new TextField(SearchFields.Body, plainBody, Field.Store.NO),
            new Field(SearchFields.Authors, authorText, WithoutPositions),
            new Field(SearchFields.Words, string.Join(" | ", Title, tags, Summary, authorText), VocabularyOnly),
            new Field(SearchFields.Prefix, Title + " | " + string.Join(" | ", Tags), WithoutPositions),
            new SortedSetDocValuesField(SearchFields.Category, new BytesRef(CategoryKey)),
            new SortedSetDocValuesField(SearchFields.Level, new BytesRef(Level.ToString().ToLowerInvariant())),
            new SortedSetDocValuesField(SearchFields.Duration, new BytesRef(DurationOf(Minutes).ToString().ToLowerInvariant())),
            new SortedDocValuesField(SearchFields.TitleSort, new BytesRef(SearchText.Fold(Title))),
        };
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

    /// <summary>What a results page shows of <paramref name="moduleIds"/>, by module id, as the database holds it now.</summary>
    public static async Task<Dictionary<int, SearchShown>> LoadShownAsync(SkillBridgeDbContext db, IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken)
    {
        // Two plain reads by key: one query projecting the authors as a collection made SQLite join every revision's
        // authors before filtering (most of a search's time at 20,000 modules).
        var rows = await db.Modules.AsNoTracking()
            .Where(m => moduleIds.Contains(m.Id) && m.PublishedRevisionId != null)
            .Select(m => new
            {
                m.Id,
                RevisionId = m.PublishedRevisionId!.Value,
                m.Slug,
                m.PublishedRevision!.Title,
                m.PublishedRevision.Summary,
                m.PublishedRevision.Body,
                CategoryKey = m.PublishedRevision.Category.Key,
                m.PublishedRevision.Level,
                m.PublishedRevision.Minutes,
                CoverSha256 = m.PublishedRevision.Images.Where(i => i.Path == m.PublishedRevision.Cover).Select(i => i.MediaFile.Sha256).FirstOrDefault(),
                CoverContentType = m.PublishedRevision.Images.Where(i => i.Path == m.PublishedRevision.Cover).Select(i => i.MediaFile.ContentType).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var revisionIds = rows.Select(r => r.RevisionId).ToList();
        var authors = (await db.Modules.AsNoTracking()
                .Where(m => moduleIds.Contains(m.Id))
                .SelectMany(m => m.PublishedRevision!.Authors.Select(a => new { a.RevisionId, a.Position, a.Person.Name }))
                .Where(a => revisionIds.Contains(a.RevisionId))
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.RevisionId)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.OrderBy(a => a.Position).Select(a => a.Name)));
        return rows.ToDictionary(r => r.Id, r => new SearchShown(r.Slug, r.Title, r.Summary, r.Body, r.CategoryKey, r.Level, r.Minutes, authors.GetValueOrDefault(r.RevisionId, ""),
            r.CoverSha256 is null || r.CoverContentType is null ? null : MediaUrls.Of(r.CoverSha256, r.CoverContentType)));
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

    /// <summary>The published modules among <paramref name="moduleIds"/>; those not published are simply absent.</summary>
    public static async Task<List<SearchDocument>> LoadAsync(SkillBridgeDbContext db, IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken)
    {
        var rows = await db.Modules.AsNoTracking()
            .Where(m => moduleIds.Contains(m.Id) && m.Status == ModuleStatus.Published && m.PublishedRevisionId != null)
            .Select(m => new
            {
                m.Id,
                m.Slug,
                m.PublishedRevision!.Title,
                m.PublishedRevision.Summary,
                m.PublishedRevision.Body,
                CategoryKey = m.PublishedRevision.Category.Key,
                CategoryName = m.PublishedRevision.Category.Name,
                m.PublishedRevision.Level,
                m.PublishedRevision.Minutes,
                Tags = m.PublishedRevision.Tags.Select(t => t.Tag).ToList(),
                Authors = m.PublishedRevision.Authors.OrderBy(a => a.Position).Select(a => new { a.Person.Username, a.Person.Name }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SearchDocument(
            r.Id, r.Slug, r.Title, r.Summary, r.Body, r.CategoryKey, r.CategoryName, r.Level, r.Minutes, r.Tags,
            r.Authors.Select(a => (a.Username, a.Name)).ToList())).ToList();
    }
}

/// <summary>A found module as a results page shows it (Body is Markdown, for the snippet).</summary>
public sealed record SearchShown(string Slug, string Title, string Summary, string Body, string CategoryKey, ModuleLevel Level, int Minutes, string AuthorNames, string? CoverUrl = null);
