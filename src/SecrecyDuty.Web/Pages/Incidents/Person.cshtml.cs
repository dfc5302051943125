using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Incidents;

/// <summary>Adds a person involved: a leader through the posting that held at the time, or another person (art. 14 relations).</summary>
public sealed class PersonModel(IncidentService incidents, IncidentPersonService persons, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty]
    public IncidentPersonInput Input { get; set; } = new();

    public IncidentChoices Choices { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await persons.AddAsync(id, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            return await ShowAsync(id, cancellationToken);
        }

        StatusMessage = l["Person added to the file."];
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        if (await incidents.ChoicesAsync(id, cancellationToken) is not { } choices)
        {
            return NotFound();
        }

        Choices = choices;
        return Page();
    }
}
