using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>The account's own settings: the time zone every time on the site is shown in, and whether authors see the learner's name.</summary>
public sealed class SettingsModel(UserManager<SkillBridgeUser> users, SignInManager<SkillBridgeUser> signIn) : PageModel
{
    [BindProperty]
    public string TimeZoneId { get; set; } = "";

    /// <summary>An unchecked box posts nothing, which binds as false.</summary>
    [BindProperty]
    public bool SharesProgressWithAuthors { get; set; }

    public bool Saved { get; private set; }

    public IReadOnlyList<TimeZoneInfo> Zones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId)
        .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)
        .ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        TimeZoneId = user.TimeZoneId;
        SharesProgressWithAuthors = user.SharesProgressWithAuthors;
        Saved = Request.Query.ContainsKey("saved");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ViewerTime.Find(TimeZoneId) is null)
        {
            ModelState.AddModelError(nameof(TimeZoneId), "Choose a time zone from the list.");
            return Page();
        }

        user.TimeZoneId = TimeZoneId;
        user.SharesProgressWithAuthors = SharesProgressWithAuthors;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { saved = 1 });
    }
}
