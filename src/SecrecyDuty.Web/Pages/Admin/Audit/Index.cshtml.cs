using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Admin.Audit;

public sealed class IndexModel(AuditService audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public PagedList<AuditListItem> Entries { get; private set; } = null!;

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public PagerModel Pager => new(Entries.Page, Entries.PageCount, Entries.TotalCount, p => Url.Page("Index", new
    {
        Filter.User,
        Filter.EntityType,
        Filter.EntityId,
        Filter.Action,
        From = Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        To = Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        pageNumber = p,
    })!);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = await audit.ListAsync(Filter, PageNumber, 50, cancellationToken);
        EntityTypes = await audit.EntityTypesAsync(cancellationToken);
    }
}
