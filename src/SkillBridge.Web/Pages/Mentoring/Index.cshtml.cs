using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Mentoring;
using SkillBridge.Web.Mentoring;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Mentoring;

/// <summary>The mentoring inbox: requests to the viewer as an author, and the viewer's own requests as a learner.</summary>
public sealed class IndexModel(MentoringService mentoring, LocalTime time) : PageModel
{
    public MentoringInbox Inbox { get; private set; } = new([], []);

    public LocalTime Time => time;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Inbox = await mentoring.InboxAsync(User.UserId() ?? "", cancellationToken);
}
