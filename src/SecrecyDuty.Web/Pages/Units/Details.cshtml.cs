using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class DetailsModel(UnitService units, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public UnitDetails Unit { get; private set; } = null!;

    /// <summary>The version of the unit the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    /// <summary>The deactivation form: the date the unit closed.</summary>
    [BindProperty]
    public DeactivateUnitInput Close { get; set; } = new();

    /// <summary>Whether the deactivation form is shown open, with its errors.</summary>
    public bool CloseFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(id, cancellationToken);
        Version = Unit?.Version ?? 0;
        return shown;
    }

    public async Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken)
    {
        var result = await units.DeactivateAsync(id, Version, Close, cancellationToken);
        CloseFailed = result is { Succeeded: false };
        return await AfterAsync(id, result, l["Unit deactivated."], cancellationToken, nameof(Close));
    }

    public async Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken)
    {
        var result = await units.ReactivateAsync(id, Version, cancellationToken);
        return await AfterAsync(id, result, l["Unit reactivated."], cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, Result? result, LocalizedString status, CancellationToken cancellationToken, string prefix = "Input")
    {
        if (result is null)
        {
            // Outside the jurisdiction looks exactly like "no such unit".
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, prefix);
            Conflict = result.Conflict;
            return await ShowAsync(id, cancellationToken);
        }

        StatusMessage = status.Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await units.GetAsync(id, cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        Close.ClosedOn ??= unit.Today;
        return Page();
    }
}
