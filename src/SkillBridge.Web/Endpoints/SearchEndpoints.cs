using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Search;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Endpoints;

/// <summary>Search as JSON: results with snippets and facets, and the header box's suggestions. Neither records anything.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search)
            .RequireAuthorization(Policies.Read)
            .WithTags("Search")
            .WithName("SearchModules")
            .WithSummary("Search published modules")
            .WithDescription("Words (typos and prefixes forgiven), \"exact phrases\", -excluded words and filters such as category:tools, level:beginner, author:priya.shah. Snippets are HTML-escaped except for <mark> around matched words.");
        app.MapGet("/api/search/suggest", Suggest)
            .RequireAuthorization(Policies.Read)
            .WithTags("Search")
            .WithName("SuggestModules")
            .WithSummary("Module titles matching what has been typed so far, for a search box");
        return app;
    }

    public sealed record SearchResponse(
        string Query,
        string? CorrectedQuery,
        bool MatchedAnyWord,
        int Total,
        int Page,
        int PageCount,
        IReadOnlyList<SearchHitResponse> Results,
        SearchFacets? Facets);

    public sealed record SearchHitResponse(
        string Slug,
        string Url,
        string Title,
        string TitleHtml,
        string SummaryHtml,
        string? SnippetHtml,
        string Category,
        string Level,
        int Minutes,
        string Authors);

    public sealed record SuggestionResponse(string Slug, string Title, string Url);

    private static async Task<Ok<SearchResponse>> Search(
        [FromQuery] string? q,
        [FromQuery] string? category,
        [FromQuery] string? level,
        [FromQuery] string? duration,
        [FromQuery] string? author,
        [FromQuery] int? page,
        [FromServices] SearchService search,
        CancellationToken cancellationToken)
    {
        var results = await search.SearchAsync(
            new SearchRequest(q, category, ParseLevel(level), ParseDuration(duration), author, page ?? 1), cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            results.Query,
            results.CorrectedQuery,
            results.MatchedAnyWord,
            results.Total,
            results.Page,
            results.PageCount,
            results.Hits.Select(h => new SearchHitResponse(
                h.Slug, "/modules/" + Uri.EscapeDataString(h.Slug), h.Title, h.TitleHtml, h.SummaryHtml, h.SnippetHtml, h.Category, h.Level.ToString().ToLowerInvariant(), h.Minutes, h.Authors)).ToList(),
            results.Facets));
    }

    private static async Task<Ok<List<SuggestionResponse>>> Suggest([FromQuery] string? q, [FromServices] SearchService search, CancellationToken cancellationToken)
    {
        var suggestions = await search.SuggestAsync(q, cancellationToken);
        return TypedResults.Ok(suggestions.Select(s => new SuggestionResponse(s.Slug, s.Title, "/modules/" + Uri.EscapeDataString(s.Slug))).ToList());
    }

    /// <summary>Unknown values are ignored rather than refused: the any-input rule covers the API too.</summary>
    internal static ModuleLevel? ParseLevel(string? value) =>
        Enum.TryParse<ModuleLevel>(value, ignoreCase: true, out var level) && !int.TryParse(value, out _) ? level : null;

    internal static DurationRange? ParseDuration(string? value) =>
        Enum.TryParse<DurationRange>(value, ignoreCase: true, out var duration) && !int.TryParse(value, out _) ? duration : null;
}
