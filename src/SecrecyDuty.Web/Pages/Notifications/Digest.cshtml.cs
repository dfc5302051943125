using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Web.Pages.Notifications;

/// <summary>The daily digest: what is due soon and what is overdue today for the signed-in account.</summary>
public sealed class DigestModel(NotificationService notifications) : PageModel
{
    /// <summary>
    /// How many items each section lists, the earliest due first: an office at the top of a province may be told of every
    /// late proposal and unreported leak below it, and no page may grow with the province (issue 10). The badge counts all.
    /// </summary>
    public const int ShownPerSection = 50;

    public Digest Digest { get; private set; } = new(default, [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Digest = await notifications.DigestAsync(cancellationToken);
}
