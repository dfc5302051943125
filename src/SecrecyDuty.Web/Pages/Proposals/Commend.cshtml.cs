using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Proposals;

/// <summary>Records a commendation (art. 10) of a leader or of a unit.</summary>
public sealed class CommendModel(CommendationService commendations, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty]
    public CommendationInput Input { get; set; } = new();

    public CommendationForm Form { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
        Form = commendations.New();
        Input = Form.Input;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await commendations.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Form = await commendations.FormAsync(Input, cancellationToken);
            return Page();
        }

        StatusMessage = l["Commendation recorded."];
        return RedirectToPage("Commendations");
    }
}
