using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
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
/// else is read. Facet counts are computed once per query and index version and cached. On any other database there
/// is no index: <see cref="DatabaseSearch"/> reads the published modules directly.
/// </summary>
public sealed class SearchService(
    SkillBridgeDbContext db, SearchVocabulary vocabulary, SearchFacetMap facetMap, IMemoryCache cache, TimeProvider clock, ILogger<SearchService> logger)
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

    /// <summary>Search on PostgreSQL until the Lucene index of issue 12: no FTS5 there.</summary>
    private DatabaseSearch WithoutIndex => new(db);

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(request.Query);
        var filters = new SearchFilters(
            Clean(request.Category) ?? query.Category,
            request.Level ?? query.Level,
            request.Duration ?? query.Duration,
            Clean(request.Author) ?? query.Author);
        var typed = (request.Query ?? "").Trim();
        if (!query.HasText && !filters.Any)
        {
            return SearchResults.None(typed, filters);
        }

        if (!db.Database.IsSqlite())
        {
            return await WithoutIndex.SearchAsync(typed, query, filters, request, cancellationToken);
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
        // if that finds nothing. One word is also a prefix ("spread" finds "spreadsheet") unless the word as typed is in
        // more than TotalCap modules already: then its completions add nothing to the first pages and cost a long merge.
        // The modules counted for the total (up to the cap), kept so facets need not match again when there are no filters.
        int[] matched = [];
        async Task<int> CountMatchesAsync(string? match)
        {
            matched = await MatchesAsync(connection, match, filters, cancellationToken);
            return matched.Length;
        }

        var severalWords = query.Terms.Count + query.Phrases.Count > 1;
        var plan = query.HasText ? new MatchPlan(query with { LastTermIsPrefix = false }, AllWords: true) : null;
        var total = await CountMatchesAsync(plan?.Match);
        if (plan is not null && query.LastTermIsPrefix && (severalWords ? total == 0 : total <= TotalCap))
        {
            plan = new MatchPlan(query, AllWords: true);
            total = await CountMatchesAsync(plan.Match);
        }

        if (total == 0 && query.HasText)
        {
            var fixedQuery = await CorrectAsync(connection, version, query, cancellationToken);
            if (fixedQuery is not null)
            {
                plan = new MatchPlan(fixedQuery, AllWords: true);
                total = await CountMatchesAsync(plan.Match);
                corrected = fixedQuery.Describe();
            }

            if (total == 0 && (fixedQuery ?? query).Terms.Count + (fixedQuery ?? query).Phrases.Count > 1)
            {
                plan = new MatchPlan(fixedQuery ?? query, AllWords: false);
                total = await CountMatchesAsync(plan.Match);
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
        if (total is > 0 and < FewResults && !anyWord && plan is { } all && all.Query.Terms.Count + all.Query.Phrases.Count > 1)
        {
            var any = all with { AllWords = false };
            var allMatched = matched;
            var anyTotal = await CountMatchesAsync(any.Match);
            if (anyTotal > total)
            {
                first = await RowIdsAsync(connection, all.Match, filters, FewResults, cancellationToken);
                (plan, total) = (any, anyTotal);
            }
            else
            {
                matched = allMatched;
            }
        }

        var pageCount = Math.Max(1, (int)Math.Ceiling(Math.Min(total, TotalCap) / (double)PageSize));
        var page = Math.Clamp(request.Page, 1, pageCount);
        var hits = total == 0 ? [] : await PageAsync(connection, plan, filters, page, first, total > TierRankLimit, cancellationToken);
        var counted = filters.Any || total > TotalCap ? null : matched;
        var facets = request.IncludeFacets ? await FacetsAsync(connection, version, plan?.Match, filters, counted, cancellationToken) : null;
        return new SearchResults(typed, corrected, anyWord, hits, Math.Min(total, TotalCap), page, pageCount, filters, facets) { TotalIsCapped = total > TotalCap };
    }

    /// <summary>Module titles for the header box as the learner types: title and tag words, the last one as a prefix.</summary>
    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? text, CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(text);
        if (!query.HasText)
        {
            return [];
        }

        query = query with { Excluded = [] };
        if (!db.Database.IsSqlite())
        {
            return await WithoutIndex.SuggestAsync(query, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var suggestions = await SuggestionsAsync(connection, query, cancellationToken);
            if (suggestions.Count == 0 && await CorrectAsync(connection, await VersionAsync(connection, cancellationToken), query, cancellationToken) is { } corrected)
            {
                // "linkdin" as typed matches no title: offer the titles for the corrected words.
                suggestions = await SuggestionsAsync(connection, corrected, cancellationToken);
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

    /// <summary>
    /// Titles whose title or tags hold every word, from the head index: ranked by bm25 when few modules qualify, newest
    /// first when more than <see cref="TierRankLimit"/> do (two typed letters can match most of the catalogue).
    /// </summary>
    private static async Task<List<SearchSuggestion>> SuggestionsAsync(DbConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var match = query.ToMatch(allWords: true, columns: "title tags");
        var none = new SearchFilters(null, null, null, null);
        var size = await CountInHeadAsync(connection, match, none, cancellationToken);
        var ids = await RowIdsAsync(connection, match, none, SuggestionCount, cancellationToken, size > TierRankLimit ? "rowid DESC" : "rank", table: SearchSchema.HeadTable);
        var suggestions = new List<SearchSuggestion>();
        foreach (var id in ids)
        {
            await using var command = Command(connection, $"SELECT slug, title FROM \"{Index}\" WHERE rowid = $id");
            Add(command, "$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                suggestions.Add(new SearchSuggestion(reader.GetString(0), reader.GetString(1)));
            }
        }

        return suggestions;
    }

    /// <summary>Records a submitted search that found nothing: the words and the time, nothing about who asked.</summary>
    public async Task RecordMissAsync(string query, CancellationToken cancellationToken = default)
    {
        // PostgreSQL text cannot hold U+0000: without it the words are still worth recording.
        var trimmed = query.Replace("\0", "", StringComparison.Ordinal).Trim();
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
        if (!db.Database.IsSqlite())
        {
            return await WithoutIndex.CheckAsync(cancellationToken);
        }

        var published = await db.Modules.CountAsync(m => m.Status == ModuleStatus.Published && m.PublishedRevisionId != null, cancellationToken);

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
            return await WithoutIndex.ReindexAsync(cancellationToken);
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

    /// <summary>How many modules of the head index match, counting at most <see cref="TierRankLimit"/> + 1 (more means "too many to score").</summary>
    private static async Task<int> CountInHeadAsync(DbConnection connection, string match, SearchFilters filters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            $"SELECT count(*) FROM (SELECT 1 FROM \"{SearchSchema.HeadTable}\" WHERE {Where(match, filters, SearchSchema.HeadTable)} LIMIT {TierRankLimit + 1})");
        AddParameters(command, match, filters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Two steps: the page's rowids ranked inside FTS5 (ORDER BY the configured rank, LIMIT), then highlights and
    /// snippets for those rows only, so snippet() never runs for the thousands of rows a common word matches. The body
    /// snippet is made only when neither the title nor the summary shows a matching word: it re-reads the whole body.
    /// </summary>
    private static async Task<List<SearchHit>> PageAsync(
        DbConnection connection, MatchPlan? plan, SearchFilters filters, int page, IReadOnlyList<long> first, bool many, CancellationToken cancellationToken)
    {
        var match = plan?.Match;
        var order = match is null ? "title" : "rank";
        if (first.Count > 0)
        {
            order = $"CASE WHEN rowid IN ({string.Join(",", first.Select(id => id.ToString(CultureInfo.InvariantCulture)))}) THEN 0 ELSE 1 END, rank";
        }

        // Up to TierRankLimit matches bm25 over all of them is cheap; above it, tiers read only as far as the page needs.
        var ids = plan is null || first.Count > 0 || !many
            ? await RowIdsAsync(connection, match, filters, PageSize, cancellationToken, order, (page - 1) * PageSize)
            : await TieredRowIdsAsync(connection, plan, filters, (page - 1) * PageSize, cancellationToken);

        var columns = "rowid, slug, title, category, level, minutes, author_names, " + (match is null
            ? "title, summary"
            : "highlight(\"SearchIndex\", 0, char(57344), char(57345)), highlight(\"SearchIndex\", 2, char(57344), char(57345))");
        var hits = new Dictionary<long, SearchHit>();
        await ReadPageRowsAsync(connection, plan, ids, columns, hits, ReadHitsAsync, cancellationToken);

        // The body snippet re-reads the whole body, so it is made only for results whose title and summary show no match.
        var unmarked = match is null ? [] : ids.Where(id => hits.TryGetValue(id, out var hit) && !hit.TitleHtml.Contains("<mark>", StringComparison.Ordinal)
            && !hit.SummaryHtml.Contains("<mark>", StringComparison.Ordinal)).ToList();
        if (unmarked.Count > 0)
        {
            await ReadPageRowsAsync(connection, plan, unmarked, $"rowid, snippet(\"{Index}\", 3, char(57344), char(57345), '…', 24)", hits, async (command, found, token) =>
            {
                await using var reader = await command.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                {
                    var snippet = reader.GetString(1);
                    if (snippet.Contains(Open, StringComparison.Ordinal))
                    {
                        found[reader.GetInt64(0)] = found[reader.GetInt64(0)] with { SnippetHtml = Marked(snippet) };
                    }
                }
            }, cancellationToken);
        }

        return ids.Where(hits.ContainsKey).Select(id => hits[id]).ToList();
    }

    /// <summary>
    /// Runs a per-result query (the columns given, for the page's rows) with the page's MATCH so FTS5's highlight and
    /// snippet functions can mark the words, and hands each command to <paramref name="read"/>.
    /// </summary>
    private static async Task ReadPageRowsAsync(
        DbConnection connection, MatchPlan? plan, IReadOnlyList<long> ids, string columns, Dictionary<long, SearchHit> hits,
        Func<DbCommand, Dictionary<long, SearchHit>, CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        var match = plan?.Match;
        if (plan?.Query is { LastTermIsPrefix: true } prefixed && prefixed.Terms[^1].Length > LongestIndexedPrefix)
        {
            // A prefix longer than the prefix index merges the lists of every word it starts, on each MATCH: once here
            // for the whole page ("+rowid" keeps SQLite from asking FTS5 for each row in turn), not once per row.
            await using var command = Command(connection,
                $"SELECT {columns} FROM \"{Index}\" WHERE \"{Index}\" MATCH $match AND +rowid IN ({string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
            Add(command, "$match", match!);
            await read(command, hits, cancellationToken);
            return;
        }

        foreach (var id in ids)
        {
            await using var command = Command(connection,
                $"SELECT {columns} FROM \"{Index}\" WHERE rowid = $id{(match is null ? "" : $" AND \"{Index}\" MATCH $match")}");
            Add(command, "$id", id);
            if (match is not null)
            {
                Add(command, "$match", match);
            }

            await read(command, hits, cancellationToken);
        }
    }

    private static async Task ReadHitsAsync(DbCommand command, Dictionary<long, SearchHit> hits, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits[reader.GetInt64(0)] = new SearchHit(
                (int)reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                Marked(reader.GetString(7)),
                Marked(reader.GetString(8)),
                null,
                reader.GetString(3),
                Enum.TryParse<ModuleLevel>(reader.GetString(4), out var level) ? level : ModuleLevel.Beginner,
                (int)reader.GetInt64(5),
                reader.GetString(6));
        }
    }

    /// <summary>The index keeps lists for prefixes of 2 and 3 letters (SearchSchema); a longer prefix is merged per query.</summary>
    private const int LongestIndexedPrefix = 3;

    /// <summary>
    /// The page's rowids when more than <see cref="TierRankLimit"/> modules match, in tiers read only as far as the page
    /// needs: modules with every word in the title (one word only: several words are seldom all in one title), then
    /// with every word in the title, tags or summary, then the rest. The first two tiers are read from
    /// <see cref="SearchSchema.HeadTable"/>, an index of those short fields alone, whose lists are a small fraction of
    /// the full index's. A tier of at most <see cref="TierRankLimit"/> modules is ranked by bm25; a larger one, and the
    /// rest, newest first, which FTS5 reads in index order and stops after the page: bm25 would score every row.
    /// </summary>
    private static async Task<List<long>> TieredRowIdsAsync(
        DbConnection connection, MatchPlan plan, SearchFilters filters, int offset, CancellationToken cancellationToken)
    {
        var needed = offset + PageSize;
        var ids = new List<long>();
        var seen = new HashSet<long>();
        var severalWords = plan.Query.Terms.Count + plan.Query.Phrases.Count > 1;
        string? previous = null;
        foreach (var columns in severalWords ? HeadTiers[1..] : HeadTiers)
        {
            // Excluded words are checked in these columns here and in the whole module below.
            var tier = plan.Expression(columns);
            var rows = previous is null ? tier : $"({tier}) NOT ({previous})";
            var size = await CountInHeadAsync(connection, rows, filters, cancellationToken);
            var order = size > TierRankLimit ? "rowid DESC" : "rank";
            var found = await RowIdsAsync(connection, rows, filters, needed - ids.Count + plan.Query.Excluded.Count * PageSize, cancellationToken, order, table: SearchSchema.HeadTable);
            found = await WithoutExcludedAsync(connection, plan.Query, found, cancellationToken);
            ids.AddRange(found.Take(needed - ids.Count));
            seen.UnionWith(found);
            if (ids.Count >= needed)
            {
                return ids.Skip(offset).Take(PageSize).ToList();
            }

            previous = tier;
        }

        var rest = await RowIdsAsync(connection, plan.Match, filters, needed + seen.Count, cancellationToken, "rowid DESC");
        ids.AddRange(rest.Where(id => !seen.Contains(id)).Take(needed - ids.Count));
        return ids.Skip(offset).Take(PageSize).ToList();
    }

    /// <summary>Rows of a head tier that have an excluded word in a field the head index does not hold (body, authors).</summary>
    private static async Task<List<long>> WithoutExcludedAsync(DbConnection connection, SearchQuery query, List<long> ids, CancellationToken cancellationToken)
    {
        if (query.Excluded.Count == 0 || ids.Count == 0)
        {
            return ids;
        }

        var excluded = "{" + SearchSchema.TextColumns + "} : (" + string.Join(" OR ", query.Excluded.Select(e => $"\"{e}\"")) + ")";
        await using var command = Command(connection,
            $"SELECT rowid FROM \"{Index}\" WHERE \"{Index}\" MATCH $match AND rowid IN ({string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
        Add(command, "$match", excluded);
        var drop = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            drop.Add(reader.GetInt64(0));
        }

        return ids.Where(id => !drop.Contains(id)).ToList();
    }

    /// <summary>Columns of the ranking tiers read from the head index, narrowest first.</summary>
    private static readonly string[] HeadTiers = ["title", SearchSchema.HeadColumns];

    /// <summary>A tier with more modules than this lists them newest first instead of scoring each one.</summary>
    private const int TierRankLimit = 300;

    private static async Task<List<long>> RowIdsAsync(
        DbConnection connection, string? match, SearchFilters filters, int limit, CancellationToken cancellationToken, string order = "rank", int offset = 0, string table = SearchSchema.IndexTable)
    {
        var ids = new List<long>();
        await using var command = Command(connection, $"SELECT rowid FROM \"{table}\" WHERE {Where(match, filters, table)} ORDER BY {order} LIMIT {limit} OFFSET {offset}");
        AddParameters(command, match, filters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Counts per category, level, duration and author: each facet counts with the other filters applied.</summary>
    /// <param name="matched">Every module the words match, when the caller already has them all; otherwise they are read here.</param>
    private async Task<SearchFacets> FacetsAsync(
        DbConnection connection, long version, string? match, SearchFilters filters, int[]? matched, CancellationToken cancellationToken)
    {
        var map = await facetMap.AtAsync(connection, version, cancellationToken);
        IEnumerable<SearchFacetMap.Document> rows;
        if (match is null)
        {
            rows = map.All;
        }
        else
        {
            var ids = matched ?? await cache.GetOrCreateAsync(("search-facet-ids", version, match), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
                return await MatchingIdsAsync(connection, match, cancellationToken);
            }) ?? [];
            rows = ids.Select(id => map[id]).OfType<SearchFacetMap.Document>();
        }

        var names = await cache.GetOrCreateAsync(("search-facet-names", version), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => new { c.Key, c.Name }).ToListAsync(cancellationToken);
            var people = await db.People.AsNoTracking().Select(p => new { p.Username, p.Name }).ToListAsync(cancellationToken);
            return (Categories: categories.Select(c => (c.Key, c.Name)).ToList(), People: people.ToDictionary(p => p.Username, p => p.Name, StringComparer.Ordinal));
        });

        // One pass over the matching modules; each facet counts with the other filters applied.
        var levelName = filters.Level?.ToString();
        var ranges = Enum.GetValues<DurationRange>();
        var (minMinutes, maxMinutes) = filters.Duration?.Bounds() ?? (int.MinValue, int.MaxValue);
        var byCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var byLevel = new Dictionary<string, int>(StringComparer.Ordinal);
        var byDuration = new int[ranges.Length];
        var authorCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var category = filters.Category is null || row.Category == filters.Category;
            var level = levelName is null || row.Level == levelName;
            var duration = row.Minutes >= minMinutes && row.Minutes <= maxMinutes;
            var author = filters.Author is null || Array.IndexOf(row.Authors, filters.Author) >= 0;
            if (level && duration && author)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byCategory, row.Category, out _)++;
            }

            if (category && duration && author)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byLevel, row.Level, out _)++;
            }

            if (category && level && author)
            {
                byDuration[Array.FindIndex(ranges, r => row.Minutes >= r.Bounds().Min && row.Minutes <= r.Bounds().Max)]++;
            }

            if (category && level && duration)
            {
                foreach (var key in row.Authors)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(authorCounts, key, out _)++;
                }
            }
        }

        var byAuthor = authorCounts
            // Former colleagues have no name to offer as a filter.
            .Where(a => !People.Person.IsFormerUsername(a.Key))
            .OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Take(15)
            .Select(a => new FilterOption(a.Key, names.People.GetValueOrDefault(a.Key, a.Key), a.Value))
            .ToList();

        return new SearchFacets(
            names.Categories.Select(c => new FilterOption(c.Key, c.Name, byCategory.GetValueOrDefault(c.Key))).Where(o => o.Count > 0).ToList(),
            Enum.GetValues<ModuleLevel>().Select(l => new FilterOption(l.ToString().ToLowerInvariant(), l.ToString(), byLevel.GetValueOrDefault(l.ToString()))).Where(o => o.Count > 0).ToList(),
            ranges.Select((d, i) => new FilterOption(d.ToString().ToLowerInvariant(), d.Label(), byDuration[i])).Where(o => o.Count > 0).ToList(),
            byAuthor);
    }

    /// <summary>The learner's words and the chosen filters as one FTS5 expression (filters are tokens in the index), or null for neither.</summary>
    private static string? Combine(string? match, SearchFilters filters) =>
        (match, SearchFilterTokens.ToMatch(filters)) switch
        {
            (null, var only) => only,
            (var words, null) => words,
            var (words, required) => $"({words}) AND {required}",
        };

    private static string Where(string? match, SearchFilters filters, string table = SearchSchema.IndexTable) =>
        Combine(match, filters) is null ? "1" : $"\"{table}\" MATCH $match";

    private static void AddParameters(DbCommand command, string? match, SearchFilters filters)
    {
        if (Combine(match, filters) is { } expression)
        {
            Add(command, "$match", expression);
        }
    }

    /// <summary>Every matching module id, read as one string built inside SQLite: far cheaper than a row per module.</summary>
    private static async Task<int[]> MatchingIdsAsync(DbConnection connection, string match, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT group_concat(rowid) FROM \"{Index}\" WHERE \"{Index}\" MATCH $match");
        Add(command, "$match", match);
        return Parse(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>The modules matching words and filters, at most <see cref="TotalCap"/> + 1 (more than the cap means "cap+").</summary>
    private static async Task<int[]> MatchesAsync(DbConnection connection, string? match, SearchFilters filters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT group_concat(rowid) FROM (SELECT rowid FROM \"{Index}\" WHERE {Where(match, filters)} LIMIT {TotalCap + 1})");
        AddParameters(command, match, filters);
        return Parse(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static int[] Parse(object? concatenated)
    {
        if (concatenated is not string list)
        {
            return [];
        }

        var ids = new List<int>();
        foreach (var range in list.AsSpan().Split(','))
        {
            ids.Add(int.Parse(list.AsSpan(range), NumberStyles.None, CultureInfo.InvariantCulture));
        }

        return [.. ids];
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

    /// <summary>What is matched: the query's words, all of them or any; <see cref="Match"/> over the text columns of the full index.</summary>
    private sealed record MatchPlan(SearchQuery Query, bool AllWords)
    {
        public string Match => Query.ToMatch(AllWords);

        public string Expression(string columns) => Query.ToMatch(AllWords, columns);
    }

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
}
