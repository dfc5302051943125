using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>A unit's tab: its latest inspections and the rectification orders it still has to close.</summary>
public sealed class UnitModel(InspectionListService inspections) : PageModel
{
    public UnitInspections Unit { get; private set; } = null!;

    public int UnitId { get; private set; }

    public bool CanConduct => inspections.CanConduct;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await inspections.ForUnitAsync(id, cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }

        (Unit, UnitId) = (unit, id);
        return Page();
    }
}
