using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Web.Pages.Leaders;

public sealed class DetailsModel(LeaderService leaders, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public LeaderDetails Leader { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
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

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        if (!await leaders.SetActiveAsync(id, active, cancellationToken))
        {
            return NotFound();
        }

        StatusMessage = (active ? l["The leader is active again."] : l["The leader is deactivated. The record and its postings are kept."]).Value;
        return RedirectToPage("Details", new { id });
    }
}
