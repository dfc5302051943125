using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class IndexModel(UnitService units) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<UnitListItem> Units { get; private set; } = null!;

    public PagerModel Pager => new(Units.Page, Units.PageCount, Units.TotalCount, p => Url.Page("Index", new { q = Search, page = p })!);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Units = await units.ListAsync(Search, PageNumber, Paging.DefaultPageSize, cancellationToken);
}
