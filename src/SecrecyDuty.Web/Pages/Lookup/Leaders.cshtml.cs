using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Web.Pages.Lookup;

/// <summary>The active leaders of the jurisdiction a search-as-you-type picker offers, as JSON {id, label}: at most <see cref="LeaderLookupService.MaxResults"/>.</summary>
public sealed class LeadersModel(LeaderLookupService leaders) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? term, CancellationToken cancellationToken)
    {
        var found = await leaders.SearchAsync(term, cancellationToken);
        return new JsonResult(found.Select(x => new PickerItem(x.Id.ToString(CultureInfo.InvariantCulture), $"{x.Name} {x.StaffNumber} · {x.UnitName}")));
    }
}
