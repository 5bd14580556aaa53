using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Notifications;
using SkillBridge.Web.Mentoring;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Notifications;

/// <summary>The viewer's notifications, newest first; opening one marks it read.</summary>
public sealed class IndexModel(NotificationService notifications, LocalTime time) : PageModel
{
    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    public LocalTime Time => time;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notifications = await notifications.ListAsync(User.UserId() ?? "", cancellationToken);

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(User.UserId() ?? "", cancellationToken);
        return RedirectToPage();
    }
}
