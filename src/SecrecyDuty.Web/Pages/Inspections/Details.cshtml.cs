using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>An inspection with its findings and what follows from them; the inspectors start, complete and record here.</summary>
public sealed class DetailsModel(InspectionService inspections, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    public InspectionDetails Inspection { get; private set; } = null!;

    /// <summary>The version of the inspection the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    /// <summary>The version of the finding a Remove button was shown with: each finding's own, posted by its row's form.</summary>
    [BindProperty]
    public int FindingVersion { get; set; }

    /// <summary>Someone else changed the finding this page was about to remove: shown with the stored finding.</summary>
    public EditConflict? FindingConflict { get; private set; }

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

        Version = Inspection.Version;
        Start.StartedOn = Inspection.Today;
        Completion.CompletedOn = Inspection.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken cancellationToken)
    {
        var result = await inspections.StartAsync(id, Version, Start, cancellationToken);
        return await AfterAsync(id, result, nameof(Start), l["Inspection started: record the findings."], cancellationToken);
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken)
    {
        var result = await inspections.CompleteAsync(id, Version, Completion, cancellationToken);
        return await AfterAsync(id, result, nameof(Completion), l["Inspection completed."], cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveFindingAsync(int id, int findingId, CancellationToken cancellationToken)
    {
        var result = await inspections.RemoveFindingAsync(id, findingId, FindingVersion, cancellationToken);
        if (result is null || result.Succeeded)
        {
            return await AfterAsync(id, result, "", l["Finding removed."], cancellationToken);
        }

        // The finding's conflict, not the inspection's: the page's own forms carry the inspection's version, which the
        // Remove form did not post.
        ModelState.AddResultErrors(result, "");
        FindingConflict = result.Conflict;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Inspection.Version;
        return FindingConflict is null ? Page() : new PageResult { StatusCode = StatusCodes.Status409Conflict };
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
            Conflict = result.Conflict;
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
