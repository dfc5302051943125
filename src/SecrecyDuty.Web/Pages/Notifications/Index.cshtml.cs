using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Notifications;

/// <summary>The account's notifications: unread first, then the newest, or the unread ones only; marking them read.</summary>
public sealed class IndexModel(NotificationService notifications, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "show")]
    public NotificationShow Show { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? StatusMessage { get; set; }

    public PagedList<NotificationRow> Notifications { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public ListQuery Query { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = new ListQuery(Url, PageNumber, new { show = Show == NotificationShow.All ? null : Show.ToString() });
        Notifications = await notifications.ListAsync(new NotificationFilter(Show, PageNumber), cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        if (!await notifications.MarkReadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return RedirectToPage(new { show = Show == NotificationShow.All ? null : Show.ToString(), pageNumber = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var count = await notifications.MarkAllReadAsync(cancellationToken);
        StatusMessage = l["{0} notifications marked read.", count].Value;
        return RedirectToPage();
    }
}
