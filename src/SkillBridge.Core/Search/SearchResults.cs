using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search;

/// <summary>A search as asked: the typed query plus filters from the URL (which win over the same filter typed in the query).</summary>
public sealed record SearchRequest(
    string? Query,
    string? Category = null,
    ModuleLevel? Level = null,
    DurationRange? Duration = null,
    string? Author = null,
    int Page = 1,
    bool IncludeFacets = true);

/// <summary>One module found. The *Html fields are HTML-escaped text whose only markup is &lt;mark&gt; around matched words.</summary>
public sealed record SearchHit(
    int ModuleId,
    string Slug,
    string Title,
    string TitleHtml,
    string SummaryHtml,
    string? SnippetHtml,
    string Category,
    ModuleLevel Level,
    int Minutes,
    string Authors,
    string? CoverUrl = null);

public sealed record SearchFacets(
    IReadOnlyList<FilterOption> Categories,
    IReadOnlyList<FilterOption> Levels,
    IReadOnlyList<FilterOption> Durations,
    IReadOnlyList<FilterOption> Authors);

public sealed record SearchResults(
    string Query,
    string? CorrectedQuery,
    bool MatchedAnyWord,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    int Page,
    int PageCount,
    SearchFilters Filters,
    SearchFacets? Facets)
{
    /// <summary>Set while this node builds its first index: how many modules of how many are in (nothing can be found yet).</summary>
    public (int Done, int Total)? Preparing { get; init; }

    /// <summary>Worth recording as a search that found nothing: no module, or only modules with some of the words.</summary>
    public bool IsMiss => Preparing is null && (Total == 0 || MatchedAnyWord);

    public static SearchResults None(string query, SearchFilters filters) => new(query, null, false, [], 0, 1, 1, filters, null);
}

/// <summary>The filters in force, whether typed (category:tools) or chosen from the facets.</summary>
public sealed record SearchFilters(string? Category, ModuleLevel? Level, DurationRange? Duration, string? Author)
{
    public bool Any => Category is not null || Level is not null || Duration is not null || Author is not null;
}

public sealed record SearchSuggestion(string Slug, string Title);

public sealed record SearchConsistency(int Indexed, int Published)
{
    public bool Consistent => Indexed == Published;

    /// <summary>The last search change-log entry this node's index includes.</summary>
    public long IndexPosition { get; init; }

    /// <summary>The last entry in the log: the difference is the index's lag.</summary>
    public long LogPosition { get; init; }

    /// <summary>How long the last entries applied took from being recorded to being searchable on this node (<see cref="SearchIndex.LastApplyDelay"/>).</summary>
    public TimeSpan? LastApplyDelay { get; init; }

    /// <summary>Set while the index is being rebuilt: modules done of all.</summary>
    public (int Done, int Total)? Building { get; init; }
}

public sealed record MissedSearchCount(string Query, int Count, DateTime LastSearchedAt);
