using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Leaders;

public sealed class CreateModel(LeaderService leaders, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public CreateLeaderInput Input { get; set; } = new();

    /// <summary>The units the form has chosen, for its pickers.</summary>
    public IReadOnlyList<UnitChoice> UnitOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        UnitOptions = await leaders.UnitChoicesAsync([], cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await leaders.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            UnitOptions = await leaders.UnitChoicesAsync([Input.UnitId, Input.FirstPosting.UnitId], cancellationToken);
            return Page();
        }

        StatusMessage = l["Leader {0} added.", Input.Name.Trim()].Value;
        return RedirectToPage("Details", new { id = result.Value });
    }
}
