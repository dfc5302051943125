using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Leaders;

public sealed class DetailsModel(LeaderService leaders, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public LeaderDetails Leader { get; private set; } = null!;

    /// <summary>The version of the leader the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(id, cancellationToken);
        Version = Leader?.Version ?? 0;
        return shown;
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        var result = await leaders.SetActiveAsync(id, Version, active, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return await ShowAsync(id, cancellationToken);
        }

        StatusMessage = (active ? l["The leader is active again."] : l["The leader is deactivated. The record and its postings are kept."]).Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var leader = await leaders.GetAsync(id, cancellationToken);
        if (leader is null)
        {
            // Outside the jurisdiction looks exactly like "no such leader".
            return NotFound();
        }

        Leader = leader;
        return Page();
    }
}
