using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>An inspection with its findings and what follows from them; the inspectors start, complete and record here.</summary>
public sealed class DetailsModel(InspectionService inspections, IStringLocalizer<Messages> l) : PageModel
{
    public InspectionDetails Inspection { get; private set; } = null!;

    [BindProperty]
    public InspectionStartInput Start { get; set; } = new();

    [BindProperty]
    public InspectionCompletionInput Completion { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Start.StartedOn = Inspection.Today;
        Completion.CompletedOn = Inspection.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken cancellationToken)
    {
        var result = await inspections.StartAsync(id, Start, cancellationToken);
        return await AfterAsync(id, result, nameof(Start), l["Inspection started: record the findings."], cancellationToken);
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken)
    {
        var result = await inspections.CompleteAsync(id, Completion, cancellationToken);
        return await AfterAsync(id, result, nameof(Completion), l["Inspection completed."], cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveFindingAsync(int id, int findingId, CancellationToken cancellationToken)
    {
        var result = await inspections.RemoveFindingAsync(id, findingId, cancellationToken);
        return await AfterAsync(id, result, "", l["Finding removed."], cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, Result? result, string prefix, string done, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, prefix);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = done;
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var inspection = await inspections.GetAsync(id, cancellationToken);
        if (inspection is null)
        {
            return false;
        }

        Inspection = inspection;
        return true;
    }
}
