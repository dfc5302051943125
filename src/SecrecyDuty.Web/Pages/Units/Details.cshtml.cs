using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class DetailsModel(UnitService units) : PageModel
{
    public UnitDetails Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await units.GetAsync(id, cancellationToken);
        if (unit is null)
        {
            // Outside the jurisdiction looks exactly like "no such unit".
            return NotFound();
        }

        Unit = unit;
        return Page();
    }
}
