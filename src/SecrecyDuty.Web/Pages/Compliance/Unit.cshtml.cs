using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Compliance;

namespace SecrecyDuty.Web.Pages.Compliance;

/// <summary>One unit's requirements for a year, with the records behind each and a way to record what is missing.</summary>
public sealed class UnitModel(ComplianceService compliance) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public int SelectedYear { get; private set; }

    public IReadOnlyList<int> Years => compliance.SelectableYears();

    public UnitCompliancePage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        SelectedYear = compliance.YearOrCurrent(Year);
        var view = await compliance.UnitAsync(id, SelectedYear, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
