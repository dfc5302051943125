using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Leaders;

public sealed class EditModel(LeaderService leaders, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public LeaderInput Input { get; set; } = new();

    /// <summary>The unit the form has chosen, for its picker.</summary>
    public IReadOnlyList<UnitChoice> UnitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var input = await leaders.GetForEditAsync(id, cancellationToken);
        if (input is null)
        {
            return NotFound();
        }

        Input = input;
        UnitOptions = await leaders.UnitChoicesAsync([Input.UnitId], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await leaders.UpdateAsync(id, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            UnitOptions = await leaders.UnitChoicesAsync([Input.UnitId], cancellationToken);
            return Page();
        }

        StatusMessage = l["Leader {0} saved.", Input.Name.Trim()].Value;
        return RedirectToPage("Details", new { id });
    }
}
