using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Progress;
using SkillBridge.Core.Search;
using SkillBridge.Web.Endpoints;
using SkillBridge.Web.Progress;

namespace SkillBridge.Web.Pages.Search;

/// <summary>The results page: works without JavaScript; a submitted search that finds nothing is recorded for curators.</summary>
public sealed class IndexModel(SearchService search, LearnerModuleStates learnerStates) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Duration { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Author { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Query) && string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Level)
            && string.IsNullOrWhiteSpace(Duration) && string.IsNullOrWhiteSpace(Author))
        {
            return;
        }

        Results = await search.SearchAsync(
            new SearchRequest(Query, Category, SearchEndpoints.ParseLevel(Level), SearchEndpoints.ParseDuration(Duration), Author, PageNumber),
            cancellationToken);
        await this.LoadLearnerStatesAsync(learnerStates, Results.Hits.Select(h => h.Slug), cancellationToken);
        // Also a miss: results only from the any-word fallback (no module had every word). Not while the index is being built.
        if (Results.IsMiss && !string.IsNullOrWhiteSpace(Query))
        {
            await search.RecordMissAsync(Query, cancellationToken);
        }
    }

    /// <summary>This page's URL with one filter changed (null removes it) and the page reset.</summary>
    /// <summary>How many facet filters narrow the results, shown on the "Filter (n)" button.</summary>
    public int ActiveFilterCount => new[] { Category, Level, Duration, Author }.Count(value => !string.IsNullOrWhiteSpace(value));

    public string UrlWith(string name, string? value)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Query,
            ["category"] = Category,
            ["level"] = Level,
            ["duration"] = Duration,
            ["author"] = Author,
        };
        values[name] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/search", values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    public string PageUrl(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(UrlWith("page", null), "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
