using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Incidents;

/// <summary>Records what the investigation established: reports, severity of circumstances, losses, aggravating facts, IM34, S6.10.</summary>
public sealed class AssessModel(IncidentService incidents, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    [BindProperty]
    public IncidentAssessmentInput Input { get; set; } = new();

    public string Title { get; private set; } = "";

    /// <summary>The version of the file the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await incidents.AssessmentAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Title, Input, Version) = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await incidents.AssessAsync(id, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            Title = (await incidents.AssessmentAsync(id, cancellationToken))?.Title ?? "";
            return Page();
        }

        StatusMessage = l["Assessment recorded."];
        return RedirectToPage("Details", new { id });
    }
}
