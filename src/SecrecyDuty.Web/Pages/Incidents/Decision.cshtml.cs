using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Incidents;

/// <summary>
/// A discipline official records the decision on a person beside the sanction guidance: administrative and Party
/// sanctions, date and document number; outside the guidance's range only with a written justification.
/// </summary>
public sealed class DecisionModel(IncidentPersonService persons, IStringLocalizer<Messages> l, TimeProvider clock) : PageModel, IVersionedForm
{
    [BindProperty]
    public SanctionDecisionInput Input { get; set; } = new();

    public SanctionDecisionForm Form { get; private set; } = null!;

    /// <summary>The version of the decision (0: none yet) the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int personId, CancellationToken cancellationToken)
    {
        if (await persons.DecisionFormAsync(id, personId, cancellationToken) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        Version = form.Version;
        Input = form.Person.Decision is { } d
            ? new SanctionDecisionInput { Administrative = d.Administrative, Party = d.Party, DecidedOn = d.DecidedOn, DocumentNumber = d.DocumentNumber, Justification = d.Justification }
            : new SanctionDecisionInput { DecidedOn = LocalDate.Today(clock) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int personId, CancellationToken cancellationToken)
    {
        var result = await persons.DecideAsync(id, personId, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            if (await persons.DecisionFormAsync(id, personId, cancellationToken) is not { } form)
            {
                return NotFound();
            }

            Form = form;
            return Page();
        }

        StatusMessage = l["Decision recorded."];
        return RedirectToPage("Details", new { id });
    }
}
