using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Web.Pages.Lookup;

/// <summary>The units a search-as-you-type picker offers, as JSON {id, label}: at most <see cref="UnitLookupService.MaxResults"/>.</summary>
public sealed class UnitsModel(UnitLookupService units) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? term, UnitLookupScope scope, CancellationToken cancellationToken)
    {
        var found = await units.SearchAsync(term, scope, cancellationToken: cancellationToken);
        return new JsonResult(found.Select(u => new PickerItem(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{u.Code} {u.Name}")));
    }
}

/// <summary>One match of a picker's search.</summary>
public sealed record PickerItem(string Id, string Label);
