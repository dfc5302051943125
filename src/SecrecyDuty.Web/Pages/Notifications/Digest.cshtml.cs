using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Web.Pages.Notifications;

/// <summary>The daily digest: what is due soon and what is overdue today for the signed-in account.</summary>
public sealed class DigestModel(ReminderService reminders, ICurrentUser user) : PageModel
{
    public Digest Digest { get; private set; } = new(default, [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NotificationAccess.RequireOwnNotifications(user);
        Digest = await reminders.DigestAsync(user.UserId!, cancellationToken);
    }
}
