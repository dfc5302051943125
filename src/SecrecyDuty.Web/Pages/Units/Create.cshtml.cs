using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class CreateModel(UnitService units, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public CreateUnitInput Input { get; set; } = new();

    /// <summary>The parent chosen so far, shown in the search-as-you-type picker (never a drop-down of every unit).</summary>
    public UnitLookupItem? Parent { get; private set; }

    /// <summary>"Add a unit below" on a unit's page comes here with that unit chosen as the parent.</summary>
    public async Task OnGetAsync(int? parentId, CancellationToken cancellationToken)
    {
        Input.ParentId = parentId;
        Parent = await units.ParentChoiceAsync(parentId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await units.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Parent = await units.ParentChoiceAsync(Input.ParentId, cancellationToken);
            return Page();
        }

        StatusMessage = l["Unit {0} created.", Input.Name].Value;
        return RedirectToPage("Details", new { id = result.Value });
    }
}
