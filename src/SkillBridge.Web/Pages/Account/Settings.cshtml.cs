using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>
/// The account's own settings: the time zone every time on the site is shown in, whether authors see the learner's name,
/// whether reminders about assigned learning also come by mail,
/// and where the person is signed in (with Sign out per session and everywhere).
/// </summary>
public sealed class SettingsModel(UserManager<SkillBridgeUser> users, SignInManager<SkillBridgeUser> signIn, UserSessions sessions) : PageModel
{
    [BindProperty]
    public string TimeZoneId { get; set; } = "";

    /// <summary>An unchecked box posts nothing, which binds as false.</summary>
    [BindProperty]
    public bool SharesProgressWithAuthors { get; set; }

    /// <summary>Reminder mail about assigned learning; an unchecked box binds as false (off).</summary>
    [BindProperty]
    public bool ReminderMail { get; set; }

    /// <summary>Curators only: one daily digest mail about submitted modules instead of one mail per module.</summary>
    [BindProperty]
    public bool ReviewMailDigest { get; set; }

    public bool Saved { get; private set; }

    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    /// <summary>The session of the browser looking at the page.</summary>
    public string? CurrentSessionId => SkillBridgeSignInManager.CurrentSession(User)?.Id;

    [TempData]
    public string? SessionMessage { get; set; }

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
        ReminderMail = !user.ReminderMailOff;
        ReviewMailDigest = user.ReviewMailDigest;
        Saved = Request.Query.ContainsKey("saved");
        Sessions = await sessions.ListAsync(user.Id, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Signs out one of the person's sessions; their own means signing out here.</summary>
    public async Task<IActionResult> OnPostEndSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (sessionId == CurrentSessionId)
        {
            await signIn.SignOutAsync();
            return LocalRedirect("/");
        }

        SessionMessage = await sessions.EndAsync(userId, sessionId, cancellationToken)
            ? "That session is signed out."
            : "That session had already ended.";
        return RedirectToPage(null, null, "sessions-heading");
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(users.GetUserId(User)!, cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
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
            Sessions = await sessions.ListAsync(user.Id, HttpContext.RequestAborted);
            return Page();
        }

        user.TimeZoneId = TimeZoneId;
        user.SharesProgressWithAuthors = SharesProgressWithAuthors;
        user.ReminderMailOff = !ReminderMail;
        if (User.IsInRole(Roles.Curator))
        {
            user.ReviewMailDigest = ReviewMailDigest;
        }

        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { saved = 1 });
    }
}
