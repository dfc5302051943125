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

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    public PagedList<AccountListItem> Accounts { get; private set; } = null!;

    /// <summary>The list's address: its search and page (docs/architecture.md, "Conventions").</summary>
    public ListQuery Query => new(Url, PageNumber, new { q = Search });

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await accounts.ListAsync(Search, PageNumber, Paging.DefaultPageSize, cancellationToken);
}
