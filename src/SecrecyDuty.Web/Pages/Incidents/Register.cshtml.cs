using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Incidents;

/// <summary>Registers a leak incident (arts. 10–16): the secrecy office opens the file; no secret content is ever entered.</summary>
public sealed class RegisterModel(IncidentService incidents, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    public IncidentForm Form { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(int? unitId, CancellationToken cancellationToken) =>
        Form = await incidents.NewAsync(unitId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await incidents.RegisterAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Form = await incidents.FormAsync(Input, cancellationToken);
            return Page();
        }

        StatusMessage = l["Incident file registered. You are named on it."];
        return RedirectToPage("Details", new { id = result.Value });
    }
}
