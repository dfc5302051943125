using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>Records a finding of an inspection in progress, or changes one: the deficiency, who answers for it, what follows.</summary>
public sealed class FindingModel(InspectionService inspections, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    [BindProperty]
    public FindingInput Input { get; set; } = new();

    public FindingForm Form { get; private set; } = null!;

    /// <summary>The version of the finding (0: a new one) the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? findingId, CancellationToken cancellationToken)
    {
        var form = await inspections.FindingFormAsync(id, findingId, null, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        (Form, Input, Version) = (form, form.Input, form.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? findingId, CancellationToken cancellationToken)
    {
        var result = findingId is { } existing
            ? await inspections.UpdateFindingAsync(id, existing, Version, Input, cancellationToken)
            : await inspections.AddFindingAsync(id, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return await ShowAgainAsync(id, findingId, cancellationToken);
        }

        StatusMessage = l["Finding saved."];
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Without script: shows the postings suggested for the chosen deficiency.</summary>
    public Task<IActionResult> OnPostSuggestAsync(int id, int? findingId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return ShowAgainAsync(id, findingId, cancellationToken);
    }

    private async Task<IActionResult> ShowAgainAsync(int id, int? findingId, CancellationToken cancellationToken)
    {
        var form = await inspections.FindingFormAsync(id, findingId, Input, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        return Page();
    }
}
