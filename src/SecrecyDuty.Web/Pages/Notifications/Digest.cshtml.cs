using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Web.Pages.Notifications;

/// <summary>The daily digest: what is due soon and what is overdue today for the signed-in account.</summary>
public sealed class DigestModel(NotificationService notifications) : PageModel
{
    public Digest Digest { get; private set; } = new(default, [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Digest = await notifications.DigestAsync(cancellationToken);
}
