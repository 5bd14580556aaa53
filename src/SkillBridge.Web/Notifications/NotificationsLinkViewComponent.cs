using Microsoft.AspNetCore.Mvc;
using SkillBridge.Core.Notifications;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Notifications;

/// <summary>The header's "Notifications" link with the unread count: one indexed count query per page.</summary>
public sealed class NotificationsLinkViewComponent(NotificationService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        var unread = userId is null ? 0 : await notifications.CountUnreadAsync(userId, HttpContext.RequestAborted);
        return View(unread);
    }
}
