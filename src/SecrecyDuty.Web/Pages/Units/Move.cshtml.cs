using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class MoveModel(UnitService units, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public MoveUnitInput Input { get; set; } = new();

    public UnitMoving Unit { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await units.MoveAsync(id, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            return await ShowAsync(id, cancellationToken);
        }

        StatusMessage = l["Unit moved."].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await units.GetForMoveAsync(id, cancellationToken);
        if (unit is null)
        {
            // Outside the jurisdiction looks exactly like "no such unit".
            return NotFound();
        }

        Unit = unit;
        return Page();
    }
}
