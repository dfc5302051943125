using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>The inspection opinion (检查意见书) as an A4 document in the official-document layout, in the UI culture.</summary>
public sealed class OpinionModel(InspectionService inspections) : PageModel
{
    public InspectionDetails Inspection { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var inspection = await inspections.GetAsync(id, cancellationToken);
        if (inspection is null)
        {
            return NotFound();
        }

        Inspection = inspection;
        return Page();
    }
}
