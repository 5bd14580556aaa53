using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Authoring;

/// <summary>
/// An author's own modules and their dashboard: drafts, what is in review, what is published, and for each module the
/// learners reached, completions, rating, stuck flags and mentoring, with totals at the top.
/// </summary>
public sealed class IndexModel(AuthorDashboardService dashboard) : PageModel
{
    public AuthorDashboard Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.LearnerId() is not { } userId)
        {
            return Challenge();
        }

        Dashboard = await dashboard.ForAuthorAsync(User.Identity!.Name!, userId, cancellationToken);
        return Page();
    }
}
