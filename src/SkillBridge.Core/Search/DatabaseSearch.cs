using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.People;

// In queries, string.ToLower() becomes SQL lower(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Search;

/// <summary>
/// Search without an index: reads the published modules directly; used on PostgreSQL until the Lucene index of
/// issue 12. A word matches where it appears inside the title, summary, body, tags, category name or an author's name
/// or username, ignoring case; a word ending in "s" also matches without it. No stems, no typo correction. Results
/// rank by how many words the title holds, then the tags, summary and category, then newest first.
/// </summary>
internal sealed class DatabaseSearch(SkillBridgeDbContext db)
{
    private const int FacetAuthors = 15;

    /// <summary>Fewer modules than this matching every word brings in those matching any word, after them (as on SQLite).</summary>
    private const int FewResults = 3;

    public async Task<SearchResults> SearchAsync(string typed, SearchQuery query, SearchFilters filters, SearchRequest request, CancellationToken cancellationToken)
    {
        if (filters.Category?.Contains('\0', StringComparison.Ordinal) == true || filters.Author?.Contains('\0', StringComparison.Ordinal) == true)
        {
            // PostgreSQL text cannot hold U+0000 and refuses it even as a parameter; no category key or username has one.
            return SearchResults.None(typed, filters);
        }

        var words = Words(query);
        var excluded = query.Excluded.Select(Singular).ToList();
        var every = Matching(words, excluded, allWords: true);
        var total = await CountAsync(every, filters, cancellationToken);
        var anyWord = false;
        var matching = every;
        var someWords = false;
        if (total < FewResults && words.Count > 1)
        {
            // Nothing has every word: show what has any, and say so. Only a few have every word: show them first (the
            // ranking counts words matched before anything else), then the rest, as the SQLite path does.
            var any = Matching(words, excluded, allWords: false);
            var anyTotal = await CountAsync(any, filters, cancellationToken);
            if (anyTotal > total)
            {
                (matching, someWords, anyWord, total) = (any, true, total == 0, anyTotal);
            }
        }

        var pageCount = Math.Max(1, (int)Math.Ceiling(Math.Min(total, SearchService.TotalCap) / (double)SearchService.PageSize));
        var page = Math.Clamp(request.Page, 1, pageCount);
        var hits = total == 0 ? [] : await PageAsync(Ranked(Filtered(matching, filters), words, someWords), words, page, cancellationToken);
        var facets = request.IncludeFacets ? await FacetsAsync(matching, filters, cancellationToken) : null;
        return new SearchResults(typed, null, anyWord, hits, Math.Min(total, SearchService.TotalCap), page, pageCount, filters, facets)
        {
            TotalIsCapped = total > SearchService.TotalCap,
        };
    }

    /// <summary>Published titles holding every word, those starting with the first word first.</summary>
    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var words = Words(query);
        var first = words[0];
        var titles = AllOf(words.Select(InTitle));
        return await Published().Where(titles)
            .OrderByDescending(r => r.Title.ToLower().StartsWith(first))
            .ThenBy(r => r.Title)
            .Take(SearchService.SuggestionCount)
            .Select(r => new SearchSuggestion(r.Module.Slug, r.Title))
            .ToListAsync(cancellationToken);
    }

    /// <summary>There is no index to fall out of step: every published module is searched as it is.</summary>
    public async Task<SearchConsistency> CheckAsync(CancellationToken cancellationToken)
    {
        var published = await Published().CountAsync(cancellationToken);
        return new SearchConsistency(published, published);
    }

    /// <summary>Nothing to rebuild; the count of published modules, which is what a rebuilt index would hold.</summary>
    public Task<int> ReindexAsync(CancellationToken cancellationToken) => Published().CountAsync(cancellationToken);

    /// <summary>The published revision of each published module.</summary>
    private IQueryable<ModuleRevision> Published() =>
        db.ModuleRevisions.AsNoTracking().Where(r => r.Module.Status == ModuleStatus.Published && r.Module.PublishedRevisionId == r.Id);

    /// <summary>Published modules with every word (or any), phrases as written, and none of the excluded words; all of them for no words.</summary>
    private IQueryable<ModuleRevision> Matching(List<string> words, List<string> excluded, bool allWords)
    {
        var modules = Published();
        if (words.Count > 0)
        {
            modules = modules.Where(allWords ? AllOf(words.Select(Anywhere)) : AnyOf(words.Select(Anywhere)));
        }

        return excluded.Count == 0 ? modules : modules.Where(Not(AnyOf(excluded.Select(Anywhere))));
    }

    private static IQueryable<ModuleRevision> Filtered(IQueryable<ModuleRevision> modules, SearchFilters filters)
    {
        if (filters.Category is { } category)
        {
            modules = modules.Where(r => r.Category.Key == category);
        }

        if (filters.Level is { } level)
        {
            modules = modules.Where(r => r.Level == level);
        }

        if (filters.Duration is { } duration)
        {
            var (min, max) = duration.Bounds();
            modules = modules.Where(r => r.Minutes >= min && r.Minutes <= max);
        }

        if (filters.Author is { } author)
        {
            modules = modules.Where(r => r.Authors.Any(a => a.Person.Username == author));
        }

        return modules;
    }

    /// <summary>Counts at most <see cref="SearchService.TotalCap"/> + 1: more means "cap+".</summary>
    private static Task<int> CountAsync(IQueryable<ModuleRevision> matching, SearchFilters filters, CancellationToken cancellationToken) =>
        Filtered(matching, filters).Take(SearchService.TotalCap + 1).CountAsync(cancellationToken);

    /// <summary>
    /// Ranked in the database: words found anywhere (when not every module has them all), words in the title, words in
    /// the title, tags, summary or category, then newest first. No words (filters only): by title, as on SQLite.
    /// </summary>
    private static IQueryable<ModuleRevision> Ranked(IQueryable<ModuleRevision> modules, List<string> words, bool someWordsOnly)
    {
        if (words.Count == 0)
        {
            return modules.OrderBy(r => r.Title).ThenBy(r => r.ModuleId);
        }

        var ranked = someWordsOnly
            ? modules.OrderByDescending(CountOf(words.Select(Anywhere))).ThenByDescending(CountOf(words.Select(InTitle)))
            : modules.OrderByDescending(CountOf(words.Select(InTitle)));
        return ranked.ThenByDescending(CountOf(words.Select(InHead))).ThenByDescending(r => r.Module.PublishedAt).ThenByDescending(r => r.ModuleId);
    }

    /// <summary>One page of hits: their short fields in one query; the bodies only of those whose title and summary show no word.</summary>
    private async Task<List<SearchHit>> PageAsync(IQueryable<ModuleRevision> ranked, List<string> words, int page, CancellationToken cancellationToken)
    {
        var rows = await ranked.Skip((page - 1) * SearchService.PageSize).Take(SearchService.PageSize)
            .Select(r => new
            {
                r.Id,
                r.ModuleId,
                r.Module.Slug,
                r.Title,
                r.Summary,
                Category = r.Category.Key,
                r.Level,
                r.Minutes,
                Authors = r.Authors.OrderBy(a => a.Position).Select(a => a.Person.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        var hits = rows.Select(r => new SearchHit(
            r.ModuleId, r.Slug, r.Title, TextMarks.Marked(r.Title, words), TextMarks.Marked(r.Summary, words), null, r.Category, r.Level, r.Minutes, string.Join(", ", r.Authors)))
            .ToList();

        var unmarked = words.Count == 0 ? [] : rows.Where((r, i) => !TextMarks.HasMark(hits[i].TitleHtml) && !TextMarks.HasMark(hits[i].SummaryHtml)).Select(r => r.Id).ToList();
        if (unmarked.Count > 0)
        {
            var bodies = await db.ModuleRevisions.AsNoTracking().Where(r => unmarked.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Body, cancellationToken);
            for (var i = 0; i < hits.Count; i++)
            {
                if (bodies.TryGetValue(rows[i].Id, out var body))
                {
                    hits[i] = hits[i] with { SnippetHtml = TextMarks.Excerpt(SearchText.PlainBody(body), words) };
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// Counts per category, level, duration and author over the matching modules, each facet with the other filters
    /// applied (as on SQLite): one GROUP BY per facet.
    /// </summary>
    private async Task<SearchFacets> FacetsAsync(IQueryable<ModuleRevision> matching, SearchFilters filters, CancellationToken cancellationToken)
    {
        var byCategory = await Filtered(matching, filters with { Category = null })
            .GroupBy(r => r.Category.Key).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        var byLevel = await Filtered(matching, filters with { Level = null })
            .GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // Grouped by minutes (a few dozen distinct values) and put into ranges here, so the ranges stay defined in one place.
        var byMinutes = await Filtered(matching, filters with { Duration = null })
            .GroupBy(r => r.Minutes).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byAuthor = await Filtered(matching, filters with { Author = null })
            .SelectMany(r => r.Authors)
            // Former colleagues have no name to offer as a filter.
            .Where(a => !a.Person.Username.StartsWith(Person.FormerUsernamePrefix))
            .GroupBy(a => new { a.Person.Username, a.Person.Name })
            .Select(g => new { g.Key.Username, g.Key.Name, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Username)
            .Take(FacetAuthors)
            .ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => new { c.Key, c.Name }).ToListAsync(cancellationToken);

        return new SearchFacets(
            categories.Select(c => new FilterOption(c.Key, c.Name, byCategory.GetValueOrDefault(c.Key))).Where(o => o.Count > 0).ToList(),
            Enum.GetValues<ModuleLevel>().Select(l => new FilterOption(l.ToString().ToLowerInvariant(), l.ToString(), byLevel.GetValueOrDefault(l))).Where(o => o.Count > 0).ToList(),
            Enum.GetValues<DurationRange>()
                .Select(d => new FilterOption(d.ToString().ToLowerInvariant(), d.Label(), byMinutes.Where(m => m.Key >= d.Bounds().Min && m.Key <= d.Bounds().Max).Sum(m => m.Count)))
                .Where(o => o.Count > 0).ToList(),
            byAuthor.Select(a => new FilterOption(a.Username, a.Name, a.Count)).ToList());
    }

    /// <summary>What must be found: each word, plural folded, and each "phrase" as written.</summary>
    private static List<string> Words(SearchQuery query) =>
        [.. query.Terms.Select(Singular).Concat(query.Phrases.Select(p => string.Join(' ', p))).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// "Spreadsheets" finds "spreadsheet": matching is by substring, so the shorter word still finds the longer one. Words
    /// of three letters or fewer keep their "s" ("bus" should not become "bu").
    /// </summary>
    private static string Singular(string word) => word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;

    // The words below reach SQL as parameters of lower(column) LIKE or strpos, which EF Core escapes: a typed % or _ is
    // text. (SearchQuery keeps only letters and digits anyway.)
    private static Expression<Func<ModuleRevision, bool>> Anywhere(string word) => r =>
        r.Title.ToLower().Contains(word) || r.Summary.ToLower().Contains(word) || r.Body.ToLower().Contains(word)
        || r.Category.Name.ToLower().Contains(word) || r.Tags.Any(t => t.Tag.ToLower().Contains(word))
        || r.Authors.Any(a => a.Person.Name.ToLower().Contains(word) || a.Person.Username.ToLower().Contains(word));

    private static Expression<Func<ModuleRevision, bool>> InTitle(string word) => r => r.Title.ToLower().Contains(word);

    private static Expression<Func<ModuleRevision, bool>> InHead(string word) => r =>
        r.Title.ToLower().Contains(word) || r.Summary.ToLower().Contains(word)
        || r.Category.Name.ToLower().Contains(word) || r.Tags.Any(t => t.Tag.ToLower().Contains(word));

    private static Expression<Func<ModuleRevision, bool>> AllOf(IEnumerable<Expression<Func<ModuleRevision, bool>>> parts) => Join(parts, Expression.AndAlso);

    private static Expression<Func<ModuleRevision, bool>> AnyOf(IEnumerable<Expression<Func<ModuleRevision, bool>>> parts) => Join(parts, Expression.OrElse);

    private static Expression<Func<ModuleRevision, bool>> Not(Expression<Func<ModuleRevision, bool>> part) =>
        Expression.Lambda<Func<ModuleRevision, bool>>(Expression.Not(part.Body), part.Parameters);

    /// <summary>How many of the conditions hold, as SQL: a sum of CASE WHEN ... THEN 1 ELSE 0.</summary>
    private static Expression<Func<ModuleRevision, int>> CountOf(IEnumerable<Expression<Func<ModuleRevision, bool>>> parts)
    {
        var r = Expression.Parameter(typeof(ModuleRevision), "r");
        var sum = parts.Select(p => (Expression)Expression.Condition(Bind(p, r), Expression.Constant(1), Expression.Constant(0)))
            .Aggregate(Expression.Add);
        return Expression.Lambda<Func<ModuleRevision, int>>(sum, r);
    }

    private static Expression<Func<ModuleRevision, bool>> Join(
        IEnumerable<Expression<Func<ModuleRevision, bool>>> parts, Func<Expression, Expression, BinaryExpression> join)
    {
        var r = Expression.Parameter(typeof(ModuleRevision), "r");
        return Expression.Lambda<Func<ModuleRevision, bool>>(parts.Select(p => Bind(p, r)).Aggregate((a, b) => join(a, b)), r);
    }

    /// <summary>The body of <paramref name="part"/> over <paramref name="r"/>, so separately written conditions combine into one lambda.</summary>
    private static Expression Bind(Expression<Func<ModuleRevision, bool>> part, ParameterExpression r) =>
        new Rebind(part.Parameters[0], r).Visit(part.Body);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
