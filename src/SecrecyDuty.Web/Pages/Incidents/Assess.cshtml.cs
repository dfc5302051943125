using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Incidents;

/// <summary>Records what the investigation established: reports, severity of circumstances, losses, aggravating facts, IM34, S6.10.</summary>
public sealed class AssessModel(IncidentService incidents, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty]
    public IncidentAssessmentInput Input { get; set; } = new();

    public string Title { get; private set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await incidents.AssessmentAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Title, Input) = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await incidents.AssessAsync(id, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Title = (await incidents.AssessmentAsync(id, cancellationToken))?.Title ?? "";
            return Page();
        }

        StatusMessage = l["Assessment recorded."];
        return RedirectToPage("Details", new { id });
    }
}
