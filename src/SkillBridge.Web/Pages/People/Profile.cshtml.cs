using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.People;

namespace SkillBridge.Web.Pages.People;

public sealed class ProfileModel(PeopleService people) : PageModel
{
    public PersonProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken)
    {
        var profile = await people.FindProfileAsync(username, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }

        Profile = profile;
        return Page();
    }
}
