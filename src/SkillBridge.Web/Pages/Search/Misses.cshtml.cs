using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Search;

namespace SkillBridge.Web.Pages.Search;

/// <summary>For curators: what learners searched for and did not find, most frequent first, over the last 90 days.</summary>
public sealed class MissesModel(SearchService search, TimeProvider clock) : PageModel
{
    public const int Days = 90;

    public IReadOnlyList<MissedSearchCount> Misses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Misses = await search.MostMissedAsync(clock.GetUtcNow().UtcDateTime.AddDays(-Days), 100, cancellationToken);
}
