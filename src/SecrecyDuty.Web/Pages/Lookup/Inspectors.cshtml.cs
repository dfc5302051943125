using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Web.Pages.Lookup;

/// <summary>The accounts that may inspect (secrecy officers and administrators of the jurisdiction), as JSON {id, label}.</summary>
public sealed class InspectorsModel(InspectionService inspections) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? term, CancellationToken cancellationToken)
    {
        var found = await inspections.SearchInspectorsAsync(term, cancellationToken: cancellationToken);
        return new JsonResult(found.Select(a => new PickerItem(a.UserId, $"{a.DisplayName} ({a.UnitName})")));
    }
}
