using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.People;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Mentoring;
using SkillBridge.Web.Progress;

namespace SkillBridge.Web.Pages.People;

public sealed class ProfileModel(PeopleService people, MentoringService mentoring, LearnerModuleStates learnerStates) : PageModel
{
    public SessionCounts Sessions { get; private set; } = new([], []);

    public PersonProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken)
    {
        var profile = await people.FindProfileAsync(username, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }

        Profile = profile;
        await this.LoadLearnerStatesAsync(learnerStates, profile.Modules.Select(m => m.Slug), cancellationToken);
        Sessions = await mentoring.SessionsAsync(username, User.UserId(), User.IsInRole(Roles.Admin), cancellationToken);
        return Page();
    }
}
