using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Progress;

namespace SkillBridge.Web.Pages.Catalogue;

public sealed class IndexModel(CatalogueService catalogue, LearnerModuleStates learnerStates) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Duration { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>Read from the query by hand: Razor Pages reserves the route value "page" for the page's own name.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], out var number) ? number : 1;

    public CataloguePage Result { get; private set; } = null!;

    /// <summary>The order the modules are listed in, for the sort menu.</summary>
    public CatalogueSort SortShown { get; private set; }

    /// <summary>Filter values in the URL that match nothing the catalogue knows; they are ignored and named to the visitor.</summary>
    public List<string> IgnoredFilters { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new CatalogueQuery(
            Category: NullIfEmpty(Category),
            Tag: NullIfEmpty(Tag),
            Level: ParseOrNote<ModuleLevel>(Level, "level"),
            Duration: ParseOrNote<DurationRange>(Duration, "duration"),
            Sort: ParseOrNote<CatalogueSort>(Sort, "sort") ?? CatalogueSort.Newest,
            Page: Math.Max(1, PageNumber));
        SortShown = query.Sort;
        Result = await catalogue.GetPageAsync(query, cancellationToken);
        await this.LoadLearnerStatesAsync(learnerStates, Result.Cards.Select(c => c.Slug), cancellationToken);

        if (query.Category is not null && Result.Categories.All(c => c.Value != query.Category))
        {
            IgnoredFilters.Add($"There is no category called “{query.Category}”.");
        }
    }

    public bool HasFilters => ActiveFilterCount > 0;

    /// <summary>How many filters narrow the list (the sort is not one), shown on the "Filter (n)" button.</summary>
    public int ActiveFilterCount => new[] { Category, Tag, Level, Duration }.Count(value => !string.IsNullOrEmpty(value));

    /// <summary>The current URL with one query value changed, so filters and paging combine in a shareable link.</summary>
    public string UrlWith(string key, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["category"] = Category,
            ["tag"] = Tag,
            ["level"] = Level,
            ["duration"] = Duration,
            ["sort"] = Sort,
            ["page"] = null,
        };
        values[key] = value;
        var query = string.Join("&", values
            .Where(kv => !string.IsNullOrEmpty(kv.Value))
            .Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
        return query.Length == 0 ? "/" : "/?" + query;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private T? ParseOrNote<T>(string? value, string name)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        IgnoredFilters.Add($"“{value}” is not a {name} the catalogue knows, so it was ignored.");
        return null;
    }
}
