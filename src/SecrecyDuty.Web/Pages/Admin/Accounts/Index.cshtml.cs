using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Admin.Accounts;

public sealed class IndexModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public PagedList<AccountListItem> Accounts { get; private set; } = null!;

    public PagerModel Pager => new(Accounts.Page, Accounts.PageCount, Accounts.TotalCount, p => Url.Page("Index", new { q = Search, pageNumber = p })!);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await accounts.ListAsync(Search, PageNumber, Paging.DefaultPageSize, cancellationToken);
}
