using Microsoft.AspNetCore.Mvc;
using SkillBridge.Core.Assignments;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Assignments;

/// <summary>"Assigned to you" at the top of My learning and the catalogue home: nothing for visitors or people with no assignments.</summary>
public sealed class AssignedToYouViewComponent(AssignmentQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var items = UserClaimsPrincipal.LearnerId() is { } learner
            ? await queries.AssignedToAsync(learner, HttpContext.RequestAborted)
            : [];
        return View(items);
    }
}
