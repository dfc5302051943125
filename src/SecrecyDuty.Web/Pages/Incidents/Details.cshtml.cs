using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Incidents;

/// <summary>
/// An incident file: the facts, the reporting clock, the persons involved with the sanction guidance beside each, the
/// decisions, the linked findings, the proposals, the named accounts, the history and who opened it. Opening it is
/// recorded; a file the account may not open is not found.
/// </summary>
public sealed class DetailsModel(IncidentService incidents, IncidentPersonService persons, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    public IncidentDetails Incident { get; private set; } = null!;

    /// <summary>The version of the file (its steps) the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    /// <summary>The unit's findings not linked yet, when the account may still change the file.</summary>
    public IncidentChoices? Choices { get; private set; }

    [BindProperty]
    public IncidentGrantInput Grant { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(id, cancellationToken);
        Version = Incident?.Version ?? 0;
        return shown;
    }

    public Task<IActionResult> OnPostAdvanceAsync(int id, IncidentAction step, string? note, CancellationToken cancellationToken) =>
        AfterAsync(id, incidents.AdvanceAsync(id, Version, step, note, cancellationToken), l["The file moved on: {0}.", l.Enum(step)], "", cancellationToken);

    public Task<IActionResult> OnPostGrantAsync(int id, CancellationToken cancellationToken) =>
        AfterAsync(id, incidents.GrantAsync(id, Grant, cancellationToken), l["The account is named on the file."], "Grant", cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(int id, string userId, CancellationToken cancellationToken) =>
        AfterAsync(id, incidents.RevokeAsync(id, userId, cancellationToken), l["The account is no longer named on the file."], "", cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(int id, int findingId, CancellationToken cancellationToken) =>
        AfterAsync(id, incidents.LinkFindingAsync(id, findingId, cancellationToken), l["Finding linked."], "", cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(int id, int findingId, CancellationToken cancellationToken) =>
        AfterAsync(id, incidents.UnlinkFindingAsync(id, findingId, cancellationToken), l["Finding no longer linked."], "", cancellationToken);

    public Task<IActionResult> OnPostRemovePersonAsync(int id, int personId, CancellationToken cancellationToken) =>
        AfterAsync(id, persons.RemoveAsync(id, personId, cancellationToken), l["Person removed from the file."], "", cancellationToken);

    /// <summary>Back to the file with the message, or the file again with the errors; not found when the file is not there for the account.</summary>
    private async Task<IActionResult> AfterAsync(int id, Task<Result?> work, string done, string prefix, CancellationToken cancellationToken)
    {
        var result = await work;
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            StatusMessage = done;
            return RedirectToPage(new { id });
        }

        ModelState.AddResultErrors(result, prefix);
        Conflict = result.Conflict;
        var shown = await ShowAsync(id, cancellationToken);

        // The other forms of the page (grants, links) carry no version: the step form keeps the file's.
        if (Version == 0 && Incident is not null)
        {
            Version = Incident.Version;
        }

        return shown;
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var incident = await incidents.OpenAsync(id, cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        Incident = incident;
        Choices = incident.May.Edit ? await incidents.ChoicesAsync(id, cancellationToken) : null;
        return Page();
    }
}
