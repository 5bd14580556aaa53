using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search;

/// <summary>
/// Finds published modules from a few words on SQLite FTS5: every word first, then corrected words, then any word;
/// ranked by weighted bm25 (title, tags, summary, body), the top of the page picked inside the index before anything
/// else is read. Facet counts are computed once per query and index version and cached.
/// </summary>
public sealed class SearchService(
    SkillBridgeDbContext db, SearchVocabulary vocabulary, IMemoryCache cache, TimeProvider clock, ILogger<SearchService> logger)
{
    public const int PageSize = 20;

    public const int SuggestionCount = 8;

    /// <summary>
    /// Counting stops after this many matches: a common word matches tens of thousands of modules and counting them all
    /// costs time in proportion; the page then says "1,000+ modules" and offers the first <c>TotalCap / PageSize</c> pages.
    /// </summary>
    public const int TotalCap = 1000;

    /// <summary>Fewer modules than this matching every word brings in those matching any word, after them.</summary>
    private const int FewResults = 3;

    private const string Open = "\uE000";

    private const string Close = "\uE001";

    private static readonly string Index = SearchSchema.IndexTable;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(request.Query);
        var filters = new SearchFilters(
            Clean(request.Category) ?? query.Category,
            request.Level ?? query.Level,
            request.Duration ?? query.Duration,
            Clean(request.Author) ?? query.Author);
        var typed = (request.Query ?? "").Trim();
        if ((!query.HasText && !filters.Any) || !db.Database.IsSqlite())
        {
            return SearchResults.None(typed, filters);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await RunAsync(typed, query, filters, request, cancellationToken);
        }
        catch (SqliteException e)
        {
            // The expression is built from letters and digits only, so this should not happen; if it does, the learner
            // sees no results rather than an error page, and the log says what to fix.
            logger.LogWarning(e, "Search for {Query} failed", typed);
            return SearchResults.None(typed, filters);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<SearchResults> RunAsync(string typed, SearchQuery query, SearchFilters filters, SearchRequest request, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var version = await VersionAsync(connection, cancellationToken);
        string? corrected = null;
        var anyWord = false;
        // Several words: whole words first ("share screen" means screens, not screenshots), the last one as a prefix only
        // if that finds nothing. One word is always also a prefix ("spread" finds "spreadsheet").
        var severalWords = query.Terms.Count + query.Phrases.Count > 1;
        var ranQuery = query.HasText ? (severalWords ? query with { LastTermIsPrefix = false } : query) : null;
        var match = ranQuery?.ToMatch(allWords: true);
        var total = await CountAsync(connection, match, filters, cancellationToken);
        if (total == 0 && severalWords && query.LastTermIsPrefix)
        {
            ranQuery = query;
            match = query.ToMatch(allWords: true);
            total = await CountAsync(connection, match, filters, cancellationToken);
        }

        if (total == 0 && query.HasText)
        {
            var fixedQuery = await CorrectAsync(connection, version, query, cancellationToken);
            if (fixedQuery is not null)
            {
                ranQuery = fixedQuery;
                match = fixedQuery.ToMatch(allWords: true);
                total = await CountAsync(connection, match, filters, cancellationToken);
                corrected = fixedQuery.Describe();
            }

            if (total == 0 && (fixedQuery ?? query).Terms.Count + (fixedQuery ?? query).Phrases.Count > 1)
            {
                match = (fixedQuery ?? query).ToMatch(allWords: false);
                total = await CountAsync(connection, match, filters, cancellationToken);
                anyWord = total > 0;
            }

            if (total == 0)
            {
                corrected = null;
            }
        }

        // Only a few modules have every word: list them first, then those with any of the words, so a learner whose
        // words never appear together ("microsoft teams") still sees the modules about each.
        IReadOnlyList<long> first = [];
        if (total is > 0 and < FewResults && !anyWord && ranQuery is { } ran && ran.Terms.Count + ran.Phrases.Count > 1)
        {
            var anyMatch = ran.ToMatch(allWords: false);
            var anyTotal = await CountAsync(connection, anyMatch, filters, cancellationToken);
            if (anyTotal > total)
            {
                first = await RowIdsAsync(connection, match, filters, FewResults, cancellationToken);
                (match, total) = (anyMatch, anyTotal);
            }
        }

        var pageCount = Math.Max(1, (int)Math.Ceiling(Math.Min(total, TotalCap) / (double)PageSize));
        var page = Math.Clamp(request.Page, 1, pageCount);
        var hits = total == 0 ? [] : await PageAsync(connection, match, filters, page, first, total > TotalCap && ranQuery is { Phrases.Count: 0 }, ranQuery is { Terms.Count: > 1 }, cancellationToken);
        var facets = request.IncludeFacets ? await FacetsAsync(connection, version, match, filters, cancellationToken) : null;
        return new SearchResults(typed, corrected, anyWord, hits, Math.Min(total, TotalCap), page, pageCount, filters, facets) { TotalIsCapped = total > TotalCap };
    }

    /// <summary>Module titles for the header box as the learner types: title and tag words, the last one as a prefix.</summary>
    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? text, CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(text);
        if (!query.HasText || !db.Database.IsSqlite())
        {
            return [];
        }

        query = query with { Excluded = [] };
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var suggestions = new List<SearchSuggestion>();
            await using var command = Command(connection, $"SELECT slug, title FROM \"{Index}\" WHERE \"{Index}\" MATCH $match ORDER BY rank LIMIT {SuggestionCount}");
            Add(command, "$match", query.ToMatch(allWords: true, columns: "title tags"));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                suggestions.Add(new SearchSuggestion(reader.GetString(0), reader.GetString(1)));
            }

            return suggestions;
        }
        catch (SqliteException e)
        {
            logger.LogWarning(e, "Suggestions for {Query} failed", text);
            return [];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Records a submitted search that found nothing: the words and the time, nothing about who asked.</summary>
    public async Task RecordMissAsync(string query, CancellationToken cancellationToken = default)
    {
        var trimmed = query.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        var normalized = string.Join(' ', SearchText.Fold(trimmed).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        db.MissedSearches.Add(new MissedSearch
        {
            Query = Cut(trimmed),
            NormalizedQuery = Cut(normalized),
            SearchedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The most frequent searches that found nothing since <paramref name="sinceUtc"/>.</summary>
    public async Task<IReadOnlyList<MissedSearchCount>> MostMissedAsync(DateTime sinceUtc, int count, CancellationToken cancellationToken = default)
    {
        var groups = await db.MissedSearches.AsNoTracking()
            .Where(s => s.SearchedAt >= sinceUtc)
            .GroupBy(s => s.NormalizedQuery)
            .Select(g => new { Query = g.Key, Count = g.Count(), LastId = g.Max(s => s.Id) })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastId)
            .Take(count)
            .ToListAsync(cancellationToken);
        var lastIds = groups.Select(g => g.LastId).ToList();
        var times = await db.MissedSearches.AsNoTracking().Where(s => lastIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.SearchedAt, cancellationToken);
        return groups.Select(g => new MissedSearchCount(g.Query, g.Count, times[g.LastId])).ToList();
    }

    /// <summary>Rows in the index against published modules: equal unless something wrote around the index.</summary>
    public async Task<SearchConsistency> CheckAsync(CancellationToken cancellationToken = default)
    {
        var published = await db.Modules.CountAsync(m => m.Status == ModuleStatus.Published && m.PublishedRevisionId != null, cancellationToken);
        if (!db.Database.IsSqlite())
        {
            return new SearchConsistency(0, published);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(db.Database.GetDbConnection(), $"SELECT count(*) FROM \"{Index}\"");
            var indexed = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return new SearchConsistency(indexed, published);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Rebuilds the whole index in one transaction, reporting progress; returns how many modules it indexed.</summary>
    public async Task<int> ReindexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = await SearchIndexWriter.RebuildAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), progress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private async Task<SearchQuery?> CorrectAsync(DbConnection connection, long version, SearchQuery query, CancellationToken cancellationToken)
    {
        var terms = query.Terms.ToList();
        var changed = false;
        for (var t = 0; t < terms.Count; t++)
        {
            var prefix = t == terms.Count - 1 && query.LastTermIsPrefix;
            if (await ExistsAsync(connection, prefix ? $"\"{terms[t]}\"*" : $"\"{terms[t]}\"", cancellationToken))
            {
                continue;
            }

            if (await vocabulary.CorrectAsync(connection, version, terms[t], cancellationToken) is { } replacement)
            {
                terms[t] = replacement;
                changed = true;
            }
        }

        // A corrected word is a whole (stemmed) term, not a prefix.
        return changed ? query.WithTerms(terms) with { LastTermIsPrefix = false } : null;
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, string match, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT EXISTS (SELECT 1 FROM \"{Index}\" WHERE \"{Index}\" MATCH $match)");
        Add(command, "$match", match);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    private static async Task<long> VersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT \"Version\" FROM \"{SearchSchema.StateTable}\" WHERE \"Id\" = 1");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>How many modules match, counting at most <see cref="TotalCap"/> + 1 (more than the cap means "cap+").</summary>
    private static async Task<int> CountAsync(DbConnection connection, string? match, SearchFilters filters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT count(*) FROM (SELECT 1 FROM \"{Index}\" WHERE {Where(match, filters)} LIMIT {TotalCap + 1})");
        AddParameters(command, match, filters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Two steps: the page's rowids ranked inside FTS5 (ORDER BY the configured rank, LIMIT), then highlights and
    /// snippets for those rows only, so snippet() never runs for the thousands of rows a common word matches.
    /// </summary>
    private static async Task<List<SearchHit>> PageAsync(
        DbConnection connection, string? match, SearchFilters filters, int page, IReadOnlyList<long> first, bool many, bool severalWords, CancellationToken cancellationToken)
    {
        var order = match is null ? "title" : "rank";
        if (first.Count > 0)
        {
            order = $"CASE WHEN rowid IN ({string.Join(",", first.Select(id => id.ToString(CultureInfo.InvariantCulture)))}) THEN 0 ELSE 1 END, rank";
        }

        // Up to TotalCap matches bm25 over all of them is cheap, and a phrase costs its position checks in every tier:
        // tiers pay off only for words matching more than TotalCap modules.
        var ids = match is null || first.Count > 0 || !many
            ? await RowIdsAsync(connection, match, filters, PageSize, cancellationToken, order, (page - 1) * PageSize)
            : await TieredRowIdsAsync(connection, match, filters, (page - 1) * PageSize, severalWords, cancellationToken);

        var hits = new Dictionary<long, SearchHit>();
        foreach (var id in ids)
        {
            var marked = match is null
                ? "title, summary, NULL"
                : $"highlight(\"{Index}\", 0, char(57344), char(57345)), highlight(\"{Index}\", 2, char(57344), char(57345)), snippet(\"{Index}\", 3, char(57344), char(57345), '…', 24)";
            await using var command = Command(connection,
                $"SELECT rowid, slug, title, category, level, minutes, author_names, {marked} FROM \"{Index}\" WHERE rowid = $id{(match is null ? "" : $" AND \"{Index}\" MATCH $match")}");
            Add(command, "$id", id);
            if (match is not null)
            {
                Add(command, "$match", match);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var snippet = reader.IsDBNull(9) ? null : reader.GetString(9);
                hits[id] = new SearchHit(
                    (int)reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    Marked(reader.GetString(7)),
                    Marked(reader.GetString(8)),
                    snippet is not null && snippet.Contains(Open, StringComparison.Ordinal) ? Marked(snippet) : null,
                    reader.GetString(3),
                    Enum.TryParse<ModuleLevel>(reader.GetString(4), out var level) ? level : ModuleLevel.Beginner,
                    (int)reader.GetInt64(5),
                    reader.GetString(6));
            }
        }

        return ids.Where(hits.ContainsKey).Select(id => hits[id]).ToList();
    }

    /// <summary>
    /// The page's rowids, ranked in tiers so bm25 runs over few rows for common words: modules with every word in the title
    /// first (one word only: several common words are seldom all in one title), then those with every word in the title,
    /// tags or summary, then the rest by plain rank; each tier ranked by bm25 and read only while the tiers before it hold
    /// fewer than the rows up to the end of the page. A word in 60% of modules is in the titles of only a few percent.
    /// </summary>
    private static async Task<List<long>> TieredRowIdsAsync(
        DbConnection connection, string match, SearchFilters filters, int offset, bool severalWords, CancellationToken cancellationToken)
    {
        var needed = offset + PageSize;
        var ids = new List<long>();
        string? previous = null;
        foreach (var columns in severalWords ? HeadColumns[1..] : HeadColumns)
        {
            // The tier's own columns, and the whole expression again so excluded words stay excluded from every column.
            var tier = $"({{{columns}}} : ({match})) AND ({match})";
            var rows = previous is null ? tier : $"{tier} NOT ({previous})";
            ids.AddRange(await RowIdsAsync(connection, rows, filters, needed - ids.Count, cancellationToken));
            if (ids.Count >= needed)
            {
                return ids.Skip(offset).Take(PageSize).ToList();
            }

            previous = tier;
        }

        // The rest: plain rank over every match (cheaper than "NOT the head"), skipping the rows the tiers already gave.
        var seen = ids.ToHashSet();
        ids.AddRange((await RowIdsAsync(connection, match, filters, needed, cancellationToken)).Where(id => !seen.Contains(id)).Take(needed - ids.Count));
        return ids.Skip(offset).Take(PageSize).ToList();
    }

    /// <summary>Columns of the ranking tiers before the whole index, narrowest first.</summary>
    private static readonly string[] HeadColumns = ["title", "title tags summary"];

    private static async Task<List<long>> RowIdsAsync(
        DbConnection connection, string? match, SearchFilters filters, int limit, CancellationToken cancellationToken, string order = "rank", int offset = 0)
    {
        var ids = new List<long>();
        await using var command = Command(connection, $"SELECT rowid FROM \"{Index}\" WHERE {Where(match, filters)} ORDER BY {order} LIMIT {limit} OFFSET {offset}");
        AddParameters(command, match, filters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Counts per category, level, duration and author: each facet counts with the other filters applied.</summary>
    private async Task<SearchFacets> FacetsAsync(DbConnection connection, long version, string? match, SearchFilters filters, CancellationToken cancellationToken)
    {
        var rows = await cache.GetOrCreateAsync(("search-facets", version, match), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var list = new List<FacetRow>();
            await using var command = Command(connection, $"SELECT category, level, minutes, author_keys FROM \"{Index}\"{(match is null ? "" : $" WHERE \"{Index}\" MATCH $match")}");
            if (match is not null)
            {
                Add(command, "$match", match);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new FacetRow(reader.GetString(0), reader.GetString(1), (int)reader.GetInt64(2), reader.GetString(3)));
            }

            return list;
        }) ?? [];

        var names = await cache.GetOrCreateAsync(("search-facet-names", version), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => new { c.Key, c.Name }).ToListAsync(cancellationToken);
            var people = await db.People.AsNoTracking().Select(p => new { p.Username, p.Name }).ToListAsync(cancellationToken);
            return (Categories: categories.Select(c => (c.Key, c.Name)).ToList(), People: people.ToDictionary(p => p.Username, p => p.Name, StringComparer.Ordinal));
        });

        bool Passes(FacetRow row, string skip) =>
            (skip == "category" || filters.Category is null || row.Category == filters.Category)
            && (skip == "level" || filters.Level is null || row.Level == filters.Level.ToString())
            && (skip == "duration" || filters.Duration is not { } d || (row.Minutes >= d.Bounds().Min && row.Minutes <= d.Bounds().Max))
            && (skip == "author" || filters.Author is null || row.AuthorKeys.Contains("|" + filters.Author + "|", StringComparison.Ordinal));

        var byCategory = rows.Where(r => Passes(r, "category")).CountBy(r => r.Category).ToDictionary();
        var byLevel = rows.Where(r => Passes(r, "level")).CountBy(r => r.Level).ToDictionary();
        var durations = rows.Where(r => Passes(r, "duration")).ToList();
        var byAuthor = rows.Where(r => Passes(r, "author"))
            .SelectMany(r => r.AuthorKeys.Split('|', StringSplitOptions.RemoveEmptyEntries))

            // Former colleagues have no name to offer as a filter.
            .Where(a => !People.Person.IsFormerUsername(a))
            .CountBy(a => a)
            .OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Take(15)
            .Select(a => new FilterOption(a.Key, names.People.GetValueOrDefault(a.Key, a.Key), a.Value))
            .ToList();

        return new SearchFacets(
            names.Categories.Select(c => new FilterOption(c.Key, c.Name, byCategory.GetValueOrDefault(c.Key))).Where(o => o.Count > 0).ToList(),
            Enum.GetValues<ModuleLevel>().Select(l => new FilterOption(l.ToString().ToLowerInvariant(), l.ToString(), byLevel.GetValueOrDefault(l.ToString()))).Where(o => o.Count > 0).ToList(),
            Enum.GetValues<DurationRange>().Select(d => new FilterOption(d.ToString().ToLowerInvariant(), d.Label(), durations.Count(r => r.Minutes >= d.Bounds().Min && r.Minutes <= d.Bounds().Max))).Where(o => o.Count > 0).ToList(),
            byAuthor);
    }

    private static string Where(string? match, SearchFilters filters)
    {
        var conditions = new List<string>();
        if (match is not null)
        {
            conditions.Add($"\"{Index}\" MATCH $match");
        }

        if (filters.Category is not null)
        {
            conditions.Add("category = $category");
        }

        if (filters.Level is not null)
        {
            conditions.Add("level = $level");
        }

        if (filters.Duration is not null)
        {
            conditions.Add("minutes BETWEEN $minMinutes AND $maxMinutes");
        }

        if (filters.Author is not null)
        {
            conditions.Add("instr(author_keys, '|' || $author || '|') > 0");
        }

        return conditions.Count == 0 ? "1" : string.Join(" AND ", conditions);
    }

    private static void AddParameters(DbCommand command, string? match, SearchFilters filters)
    {
        if (match is not null)
        {
            Add(command, "$match", match);
        }

        if (filters.Category is not null)
        {
            Add(command, "$category", filters.Category);
        }

        if (filters.Level is { } level)
        {
            Add(command, "$level", level.ToString());
        }

        if (filters.Duration is { } duration)
        {
            Add(command, "$minMinutes", duration.Bounds().Min);
            Add(command, "$maxMinutes", duration.Bounds().Max);
        }

        if (filters.Author is not null)
        {
            Add(command, "$author", filters.Author);
        }
    }

    /// <summary>HTML-escapes FTS5 output and turns the private-use markers it put around matches into &lt;mark&gt;.</summary>
    internal static string Marked(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var open = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\uE000' or '\uE001'))
            {
                continue;
            }

            builder.Append(WebUtility.HtmlEncode(text[start..i]));
            if (i < text.Length)
            {
                if (text[i] == '\uE000' && !open)
                {
                    builder.Append("<mark>");
                    open = true;
                }
                else if (text[i] == '\uE001' && open)
                {
                    builder.Append("</mark>");
                    open = false;
                }
            }

            start = i + 1;
        }

        if (open)
        {
            builder.Append("</mark>");
        }

        return builder.ToString();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static string Cut(string value) => value.Length <= MissedSearch.MaxQueryLength ? value : value[..MissedSearch.MaxQueryLength];

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record FacetRow(string Category, string Level, int Minutes, string AuthorKeys);
}
