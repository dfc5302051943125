using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Activities;

/// <summary>Changes an activity and who was present. Evidence files are added and removed on the activity's page.</summary>
public sealed class EditModel(ActivityService activities, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public ActivityForm Form { get; private set; } = null!;

    /// <summary>The version of the activity the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var form = await activities.GetForEditAsync(id, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        Input = form.Input;
        Version = form.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await activities.UpdateAsync(id, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return await ShowAgainAsync(id, cancellationToken);
        }

        StatusMessage = l["Activity saved."].Value;
        return RedirectToPage("Details", new { id });
    }

    public Task<IActionResult> OnPostRefreshAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return ShowAgainAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAgainAsync(int id, CancellationToken cancellationToken)
    {
        var form = await activities.FormAsync(Input, id, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        return Page();
    }
}
