using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Proposals;

/// <summary>A proposal (art. 17) and, for the cadre official, the form that records the organ's feedback.</summary>
public sealed class DetailsModel(ProposalService proposals, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    public ProposalDetails Proposal { get; private set; } = null!;

    /// <summary>The version of the proposal the page was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [BindProperty]
    public ProposalFeedbackInput Feedback { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Proposal.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int id, CancellationToken cancellationToken)
    {
        var result = await proposals.RecordFeedbackAsync(id, Version, Feedback, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, nameof(Feedback));
            Conflict = result.Conflict;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = l["Feedback recorded: the proposal is closed."];
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(id, cancellationToken);
        if (proposal is null)
        {
            return false;
        }

        Proposal = proposal;
        return true;
    }
}
