using System.Globalization;
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

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    public PagedList<AuditListItem> Entries { get; private set; } = null!;

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    /// <summary>The list's address: its filters and page (docs/architecture.md, "Conventions"); the trail is not sortable.</summary>
    public ListQuery Query => new(Url, PageNumber, new
    {
        Filter.User,
        Filter.EntityType,
        Filter.EntityId,
        Filter.Action,
        From = Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = await audit.ListAsync(Filter, PageNumber, 50, cancellationToken);
        EntityTypes = await audit.EntityTypesAsync(cancellationToken);
    }
}
