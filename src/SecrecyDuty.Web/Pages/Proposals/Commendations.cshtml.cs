using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Proposals;

/// <summary>Art. 10: the commendations of leaders and units of the jurisdiction, the latest first.</summary>
public sealed class CommendationsModel(CommendationService commendations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    public PagedList<CommendationListItem> Commendations { get; private set; } = null!;

    public bool CanCommend => commendations.CanCommend;

    public ListQuery Query => new(Url, PageNumber, new { year = ChosenYear });

    private int? ChosenYear => Year is >= 2000 and <= 9999 ? Year : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Commendations = await commendations.ListAsync(ChosenYear, PageNumber, Paging.DefaultPageSize, cancellationToken);
}
