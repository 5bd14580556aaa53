using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.People;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Pages.People;

public sealed class ProfileModel(PeopleService people, MentoringService mentoring) : PageModel
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
        Sessions = await mentoring.SessionsAsync(username, User.UserId(), User.IsInRole(Roles.Admin), cancellationToken);
        return Page();
    }
}
