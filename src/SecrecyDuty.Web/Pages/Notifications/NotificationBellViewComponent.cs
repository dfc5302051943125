using Microsoft.AspNetCore.Mvc;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Web.Pages.Notifications;

/// <summary>The bell of the layout: the signed-in account's unread notifications, linking to the list.</summary>
public sealed class NotificationBellViewComponent(NotificationService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await notifications.UnreadCountAsync(HttpContext.RequestAborted));
}
