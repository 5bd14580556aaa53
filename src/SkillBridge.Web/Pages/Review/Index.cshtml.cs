using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.People;
using SkillBridge.Core.Publishing;

namespace SkillBridge.Web.Pages.Review;

/// <summary>The curator's review queue: what waits, for how long, and what is scheduled.</summary>
public sealed class IndexModel(ReviewQueueService queue, PeopleService people, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReviewQueueItem> Items { get; private set; } = [];

    public DateTime Now { get; private set; }

    public DisplayNames Names { get; private set; } = DisplayNames.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Items = await queue.ListAsync(cancellationToken);
        Names = await people.DisplayNamesAsync(Items.SelectMany(i => i.Authors), cancellationToken);
    }
}
