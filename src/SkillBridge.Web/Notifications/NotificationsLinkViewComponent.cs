using Microsoft.AspNetCore.Mvc;
using SkillBridge.Core.Notifications;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Notifications;

/// <summary>
/// The header's "Notifications" link with the unread count: one indexed count query per page. When there are unread
/// ones, those about the page being shown are cleared first (the person is looking at what they were told about).
/// </summary>
public sealed class NotificationsLinkViewComponent(NotificationService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        var unread = userId is null ? 0 : await notifications.CountUnreadAsync(userId, HttpContext.RequestAborted);
        if (unread > 0 && HttpMethods.IsGet(HttpContext.Request.Method))
        {
            unread -= await notifications.MarkReadForPageAsync(userId!, HttpContext.Request.Path.Value ?? "", HttpContext.RequestAborted);
        }

        return View(unread);
    }
}
