using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Notifications;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Pages.Notifications;

/// <summary>Opening a notification marks it read and goes to what it is about.</summary>
public sealed class OpenModel(NotificationService notifications) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var link = await notifications.OpenAsync(User.UserId() ?? "", id, cancellationToken);

        // Links are stored by the site itself; the local-URL check keeps it that way if one ever is not.
        return link is null ? NotFound() : LocalRedirect(Url.IsLocalUrl(link) ? link : "/notifications");
    }
}
