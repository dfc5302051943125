using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class MoveModel(UnitService units, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public MoveUnitInput Input { get; set; } = new();

    public UnitMoving Unit { get; private set; } = null!;

    /// <summary>The version of the unit the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(id, cancellationToken);
        Version = Unit?.Version ?? 0;
        return shown;
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await units.MoveAsync(id, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return await ShowAsync(id, cancellationToken);
        }

        StatusMessage = l["Unit moved."].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await units.GetForMoveAsync(id, Input.NewParentId, cancellationToken);
        if (unit is null)
        {
            // Outside the jurisdiction looks exactly like "no such unit".
            return NotFound();
        }

        Unit = unit;
        return Page();
    }
}
