using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Notifications;
using SkillBridge.Web.Mentoring;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Notifications;

/// <summary>The viewer's notifications, newest first; opening one marks it read.</summary>
public sealed class IndexModel(NotificationService notifications, LocalTime time) : PageModel
{
    public NotificationPage Notifications { get; private set; } = new([], 1, false, 0);

    public LocalTime Time => time;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken) =>
        Notifications = await notifications.ListAsync(User.UserId() ?? "", pageNumber, cancellationToken);

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(User.UserId() ?? "", cancellationToken);
        return RedirectToPage();
    }
}
