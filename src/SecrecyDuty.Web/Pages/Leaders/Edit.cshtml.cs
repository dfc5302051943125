using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Leaders;

public sealed class EditModel(LeaderService leaders, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public LeaderInput Input { get; set; } = new();

    /// <summary>The version of the leader the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    /// <summary>The unit the form has chosen, for its picker.</summary>
    public IReadOnlyList<UnitChoice> UnitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var editing = await leaders.GetForEditAsync(id, cancellationToken);
        if (editing is null)
        {
            return NotFound();
        }

        Input = editing.Input;
        Version = editing.Version;
        UnitOptions = await leaders.UnitChoicesAsync([Input.UnitId], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await leaders.UpdateAsync(id, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            UnitOptions = await leaders.UnitChoicesAsync([Input.UnitId], cancellationToken);
            return Page();
        }

        StatusMessage = l["Leader {0} saved.", Input.Name.Trim()].Value;
        return RedirectToPage("Details", new { id });
    }
}
