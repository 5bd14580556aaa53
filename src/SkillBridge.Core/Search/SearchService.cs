using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search;

/// <summary>
/// Finds published modules from a few words in this node's Lucene index (<see cref="SearchIndex"/>), the same on every
/// database: every content word first, then (when nothing matches) the last word as a prefix, that prefix completed to a
/// word of the catalogue, corrected words, and any word. Ranked by BM25 over weighted fields with a boost for words close
/// together; filters, exact totals and facet counts come from one pass over the matches (<see cref="SearchCollector"/>).
/// Header suggestions run the same plan.
/// </summary>
public sealed class SearchService(SkillBridgeDbContext db, SearchIndex index, ISearchSynonymSource synonyms, TimeProvider clock)
{
    public const int PageSize = 20;

    public const int SuggestionCount = 8;

    /// <summary>Fewer modules than this matching every word brings in those matching any word, after them.</summary>
    private const int FewResults = 3;

    private const int FacetAuthors = 15;

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

        await index.EnsureStartedAsync();
        using var lease = index.Acquire();
        if (lease is null)
        {
            return SearchResults.None(typed, filters) with { Preparing = index.Building ?? (0, 0) };
        }

        var searcher = lease.Searcher;
        var planner = new SearchQueryPlanner(searcher.IndexReader, index.Analyzer, await synonyms.CurrentAsync(cancellationToken), lease.Pairs);
        var filterValues = FilterValues(filters);
        var maxPage = searcher.IndexReader.NumDocs / PageSize + 1;
        var wanted = Math.Clamp(request.Page, 1, maxPage);
        if (!query.HasText)
        {
            var byTitle = TopFieldCollector.Create(new Sort(new SortField(SearchFields.TitleSort, SortFieldType.STRING)), wanted * PageSize, false, false, false, true);
            var all = Run(searcher, new MatchAllDocsQuery(), byTitle, filterValues, request.IncludeFacets);
            return await ResultsAsync(searcher, typed, null, false, all, byTitle.GetTopDocs().ScoreDocs, wanted, filters, request.IncludeFacets, null, cancellationToken);
        }

        string? corrected = null;
        var anyWord = false;
        var severalWords = query.Terms.Count + query.Phrases.Count > 1;
        // Several words are whole words first ("share screen" means screens, not screenshots); the last one becomes a
        // prefix only if that finds nothing. One word is also a prefix ("spread" finds "spreadsheet").
        var plan = severalWords ? query with { LastTermIsPrefix = false } : query;
        var built = planner.Build(plan, allWords: true);
        var (collector, top) = Execute(searcher, built, filterValues, wanted, request.IncludeFacets);
        if (collector.Total == 0 && severalWords && query.LastTermIsPrefix)
        {
            plan = query;
            built = planner.Build(plan, allWords: true);
            (collector, top) = Execute(searcher, built, filterValues, wanted, request.IncludeFacets);
        }

        if (collector.Total == 0 && planner.Complete(plan) is { } completed)
        {
            // "chatg": no title or tag word starts so, but "chatgpt" is in a module's text.
            var completedBuilt = planner.Build(completed, allWords: true);
            var (completedCollector, completedTop) = Execute(searcher, completedBuilt, filterValues, wanted, request.IncludeFacets);
            if (completedCollector.Total > 0)
            {
                (plan, built, collector, top) = (completed, completedBuilt, completedCollector, completedTop);
            }
        }

        if (collector.Total == 0 && planner.Correct(plan) is { } fixedQuery)
        {
            var fixedBuilt = planner.Build(fixedQuery, allWords: true);
            var (fixedCollector, fixedTop) = Execute(searcher, fixedBuilt, filterValues, wanted, request.IncludeFacets);
            if (fixedCollector.Total > 0 || fixedQuery.Terms.Count + fixedQuery.Phrases.Count > 1)
            {
                (plan, built, collector, top, corrected) = (fixedQuery, fixedBuilt, fixedCollector, fixedTop, fixedQuery.Describe());
            }
        }

        var units = SearchQueryPlanner.ContentWords(plan.Terms).Count + plan.Phrases.Count;
        if (collector.Total < FewResults && units > 1 && planner.Build(plan, allWords: false) is { } any)
        {
            // Nothing has every word: show what has any, and say so. Only a few have every word: those count twice, so they
            // rank first unless a module about the topic matches the main words far better ("microsoft teams": the Teams
            // modules, which never say "Microsoft", above a sign-in module naming Microsoft and a team once each in passing).
            var combined = new BooleanQuery { { any.Full, Occur.MUST } };
            if (built is not null && collector.Total > 0)
            {
                combined.Add(built.Full, Occur.SHOULD);
            }

            var (anyCollector, anyTop) = Execute(searcher, new RankedQuery(combined, null), filterValues, wanted, request.IncludeFacets);
            if (anyCollector.Total > collector.Total)
            {
                anyWord = collector.Total == 0;
                (collector, top) = (anyCollector, anyTop);
            }
        }

        if (collector.Total == 0)
        {
            corrected = null;
        }

        return await ResultsAsync(searcher, typed, corrected, anyWord, collector, top, wanted, filters, request.IncludeFacets, planner.Marks(plan), cancellationToken);
    }

    /// <summary>Module titles for the header box as the learner types: the results page's plan, the last word as a prefix.</summary>
    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? text, CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(text);
        if (!query.HasText)
        {
            return [];
        }

        query = query with { Excluded = [] };
        await index.EnsureStartedAsync();
        using var lease = index.Acquire();
        if (lease is null)
        {
            return [];
        }

        var searcher = lease.Searcher;
        var planner = new SearchQueryPlanner(searcher.IndexReader, index.Analyzer, await synonyms.CurrentAsync(cancellationToken), lease.Pairs);
        var none = new string?[SearchFields.Facets.Length];
        var built = planner.Build(query, allWords: true);
        var (collector, top) = Execute(searcher, built, none, 1, false, SuggestionCount);
        if (collector.Total == 0 && planner.Complete(query) is { } completed)
        {
            (collector, top) = Execute(searcher, planner.Build(completed, allWords: true), none, 1, false, SuggestionCount);
        }

        if (collector.Total == 0 && planner.Correct(query) is { } corrected)
        {
            // "linkdin" as typed matches no title: offer the titles for the corrected words.
            (collector, top) = Execute(searcher, planner.Build(corrected, allWords: true), none, 1, false, SuggestionCount);
        }

        if (collector.Total == 0 && SearchQueryPlanner.ContentWords(query.Terms).Count + query.Phrases.Count > 1)
        {
            (collector, top) = Execute(searcher, planner.Build(query, allWords: false), none, 1, false, SuggestionCount);
        }

        var ids = ModuleIds(searcher, top.Take(SuggestionCount).ToArray());
        if (ids.Count == 0)
        {
            return [];
        }

        var titles = await SearchDocument.LoadTitlesAsync(db, ids, cancellationToken);
        return ids.Where(titles.ContainsKey).Select(id => new SearchSuggestion(titles[id].Slug, titles[id].Title)).ToList();
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

    /// <summary>Modules in this node's index against published modules, and the index's place in the change log.</summary>
    public async Task<SearchConsistency> CheckAsync(CancellationToken cancellationToken = default)
    {
        await index.EnsureStartedAsync();
        await index.CatchUpAsync(cancellationToken);
        var published = await SearchIndex.PublishedIds(db).CountAsync(cancellationToken);
        return new SearchConsistency(index.Count(), published)
        {
            IndexPosition = index.Position,
            LogPosition = await index.LogPositionAsync(cancellationToken),
            LastApplyDelay = index.LastApplyDelay,
            Building = index.Building,
        };
    }

    /// <summary>Rebuilds this node's index from the database, reporting progress; returns how many modules it indexed.</summary>
    public async Task<int> ReindexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default) =>
        await index.RebuildAsync(progress, cancellationToken);

    /// <summary>
    /// Every match of <paramref name="query"/> counted (and its facets), and the best <paramref name="page"/> pages of
    /// them in order: ranked by the match part, then the best <see cref="SearchRescorer.Window"/> (or more, for a late
    /// page) reordered with the proximity part added.
    /// </summary>
    private static (SearchCollector Collector, ScoreDoc[] Top) Execute(
        IndexSearcher searcher, RankedQuery? query, string?[] filters, int page, bool facets, int pageSize = PageSize)
    {
        var wanted = page * pageSize;
        var collected = query?.Proximity is null ? wanted : Math.Max(wanted, SearchRescorer.Window);
        // Out of order: a query of alternatives only (one word and its forms) is then scored a block of documents at a
        // time (BooleanScorer) instead of merging every clause's list one document at a time; ties still go by document.
        var top = TopScoreDocCollector.Create(collected, false);
        if (query is null)
        {
            return (new SearchCollector(top, filters, facets), []);
        }

        var collector = Run(searcher, query.Match, top, filters, facets);
        var hits = top.GetTopDocs().ScoreDocs;
        if (query.Proximity is not null)
        {
            hits = SearchRescorer.Rescore(searcher, hits, query.Proximity);
        }

        return (collector, hits.Length > wanted ? hits[..wanted] : hits);
    }

    private static SearchCollector Run(IndexSearcher searcher, Query query, ICollector top, string?[] filters, bool facets)
    {
        var collector = new SearchCollector(top, filters, facets);
        searcher.Search(query, collector);
        collector.Flush();
        return collector;
    }

    private async Task<SearchResults> ResultsAsync(
        IndexSearcher searcher, string typed, string? corrected, bool anyWord, SearchCollector collector, ScoreDoc[] top, int wanted,
        SearchFilters filters, bool includeFacets, SearchMarks? marks, CancellationToken cancellationToken)
    {
        var total = collector.Total;
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Min(wanted, pageCount);
        var docs = top.Skip((page - 1) * PageSize).Take(PageSize).ToArray();
        var hits = await HitsAsync(searcher, docs, marks, cancellationToken);
        var facets = includeFacets ? await FacetsAsync(collector, cancellationToken) : null;
        return new SearchResults(typed, corrected, anyWord, hits, total, page, pageCount, filters, facets);
    }

    /// <summary>
    /// The page's hits, read from the database (the index stores nothing): titles and summaries marked, and a snippet of
    /// the body for a hit whose title and summary hold no match (those bodies read in a second query, only when a hit
    /// needs one). A module unpublished since the index snapshot was taken is left out.
    /// </summary>
    private async Task<List<SearchHit>> HitsAsync(IndexSearcher searcher, ScoreDoc[] docs, SearchMarks? marks, CancellationToken cancellationToken)
    {
        var ids = ModuleIds(searcher, docs);
        if (ids.Count == 0)
        {
            return [];
        }

        var shown = await SearchDocument.LoadShownAsync(db, ids, cancellationToken);
        var marked = new List<(int Id, SearchShown Module, string TitleHtml, string SummaryHtml)>(ids.Count);
        List<int>? needSnippets = null;
        foreach (var id in ids)
        {
            if (!shown.TryGetValue(id, out var module))
            {
                continue;
            }

            var titleHtml = marks is null ? System.Net.WebUtility.HtmlEncode(module.Title) : SearchHighlighter.Marked(index.Analyzer, module.Title, marks);
            var summaryHtml = marks is null ? System.Net.WebUtility.HtmlEncode(module.Summary) : SearchHighlighter.Marked(index.Analyzer, module.Summary, marks);
            if (marks is not null && !titleHtml.Contains("<mark>", StringComparison.Ordinal) && !summaryHtml.Contains("<mark>", StringComparison.Ordinal))
            {
                (needSnippets ??= []).Add(id);
            }

            marked.Add((id, module, titleHtml, summaryHtml));
        }

        // A snippet of the body only for a hit whose title and summary hold no match.
        var bodies = needSnippets is null ? null : await SearchDocument.LoadBodiesAsync(db, needSnippets, cancellationToken);
        var hits = new List<SearchHit>(marked.Count);
        foreach (var (id, module, titleHtml, summaryHtml) in marked)
        {
            var snippet = bodies is not null && bodies.TryGetValue(id, out var body) ? SearchHighlighter.Excerpt(index.Analyzer, SearchText.PlainBody(body), marks!) : null;
            hits.Add(new SearchHit(id, module.Slug, module.Title, titleHtml, summaryHtml, snippet, module.CategoryKey, module.Level, module.Minutes, module.AuthorNames, module.CoverUrl));
        }

        return hits;
    }

    /// <summary>The module ids of <paramref name="docs"/>, in their order, from the id doc values of each document's segment.</summary>
    private static List<int> ModuleIds(IndexSearcher searcher, ScoreDoc[] docs)
    {
        var leaves = searcher.IndexReader.Leaves;
        var ids = new List<int>(docs.Length);
        foreach (var scoreDoc in docs)
        {
            var leaf = leaves[ReaderUtil.SubIndex(scoreDoc.Doc, leaves)];
            ids.Add((int)leaf.AtomicReader.GetNumericDocValues(SearchFields.ModuleId).Get(scoreDoc.Doc - leaf.DocBase));
        }

        return ids;
    }

    /// <summary>Counts per category, level, duration and author, with names from the database (kept a few seconds: <see cref="SearchFacetNames"/>).</summary>
    private async Task<SearchFacets> FacetsAsync(SearchCollector collector, CancellationToken cancellationToken)
    {
        var categories = await index.FacetNames.CategoriesAsync(db, cancellationToken);
        var byCategory = collector.Counts(0);
        var byLevel = collector.Counts(1);
        var byDuration = collector.Counts(2);
        var topAuthors = collector.Counts(3)
            // Former colleagues have no name to offer as a filter.
            .Where(a => !People.Person.IsFormerUsername(a.Key))
            .OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Take(FacetAuthors)
            .ToList();
        var usernames = topAuthors.Select(a => a.Key).ToList();
        var names = await index.FacetNames.PeopleAsync(db, usernames, cancellationToken);

        return new SearchFacets(
            categories.Select(c => new FilterOption(c.Key, c.Name, byCategory.GetValueOrDefault(c.Key))).Where(o => o.Count > 0).ToList(),
            Enum.GetValues<ModuleLevel>().Select(l => new FilterOption(l.ToString().ToLowerInvariant(), l.ToString(), byLevel.GetValueOrDefault(l.ToString().ToLowerInvariant()))).Where(o => o.Count > 0).ToList(),
            Enum.GetValues<DurationRange>().Select(d => new FilterOption(d.ToString().ToLowerInvariant(), d.Label(), byDuration.GetValueOrDefault(d.ToString().ToLowerInvariant()))).Where(o => o.Count > 0).ToList(),
            topAuthors.Select(a => new FilterOption(a.Key, names.GetValueOrDefault(a.Key, a.Key), a.Value)).ToList());
    }

    private static string?[] FilterValues(SearchFilters filters) =>
        [filters.Category, filters.Level?.ToString().ToLowerInvariant(), filters.Duration?.ToString().ToLowerInvariant(), filters.Author];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static string Cut(string value) => value.Length <= MissedSearch.MaxQueryLength ? value : value[..MissedSearch.MaxQueryLength];
}
