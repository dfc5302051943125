using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>Changes the plan of an inspection not yet completed.</summary>
public sealed class EditModel(InspectionService inspections, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    [BindProperty]
    public InspectionInput Input { get; set; } = new();

    public InspectionForm Form { get; private set; } = null!;

    public int Id { get; private set; }

    /// <summary>The version of the inspection the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var form = await inspections.GetForEditAsync(id, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        (Id, Form, Input, Version) = (id, form, form.Input, form.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await inspections.UpdateAsync(id, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            (Id, Form) = (id, await inspections.FormAsync(Input, id, cancellationToken));
            return Page();
        }

        StatusMessage = l["Inspection saved."];
        return RedirectToPage("Details", new { id });
    }
}
