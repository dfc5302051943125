using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>Plans an inspection of a unit (art. 8): the body, the date, the scope and the inspectors.</summary>
public sealed class CreateModel(InspectionService inspections, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty]
    public InspectionInput Input { get; set; } = new();

    public InspectionForm Form { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(int? unitId, CancellationToken cancellationToken) =>
        Form = await inspections.NewAsync(unitId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await inspections.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Form = await inspections.FormAsync(Input, null, cancellationToken);
            return Page();
        }

        StatusMessage = l["Inspection planned."];
        return RedirectToPage("Details", new { id = result.Value });
    }
}
