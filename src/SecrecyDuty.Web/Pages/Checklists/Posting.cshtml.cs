using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Checklists;

/// <summary>
/// A posting's duty checklist for a year: the leader works through the items and submits them; the secrecy office
/// reviews or returns the checklist with the secrecy organization's opinion. Opening it generates it when it is
/// missing and the account may write it.
/// </summary>
public sealed class PostingModel(ChecklistService checklists, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty]
    public ChecklistInput Input { get; set; } = new();

    [BindProperty]
    public ChecklistReviewInput Review { get; set; } = new();

    public ChecklistView View { get; private set; } = null!;

    private int ChosenYear => Year ?? checklists.CurrentYear;

    /// <summary>The index of an item's row in <see cref="Input"/>; -1 when the form has none.</summary>
    public int RowOf(int itemId) => Input.Items.FindIndex(r => r.ItemId == itemId);

    public async Task<IActionResult> OnGetAsync(int postingId, CancellationToken cancellationToken)
    {
        var view = await checklists.OpenAsync(postingId, ChosenYear, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Input = new ChecklistInput
        {
            Items = [.. view.Checklist?.Items.Select(RowFor) ?? []],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int postingId, CancellationToken cancellationToken) =>
        await AfterAsync(postingId, await checklists.SaveAsync(postingId, ChosenYear, Input, cancellationToken), l["Your checklist is saved."].Value, cancellationToken);

    public async Task<IActionResult> OnPostSubmitAsync(int postingId, CancellationToken cancellationToken) =>
        await AfterAsync(postingId, await checklists.SubmitAsync(postingId, ChosenYear, Input, cancellationToken), l["Your checklist is submitted to the secrecy organization."].Value, cancellationToken);

    public async Task<IActionResult> OnPostReviewAsync(int postingId, CancellationToken cancellationToken) =>
        await AfterAsync(postingId, await checklists.ReviewAsync(postingId, ChosenYear, Review, ChecklistDecision.Reviewed, cancellationToken), l["The checklist is reviewed."].Value, cancellationToken, nameof(Review));

    public async Task<IActionResult> OnPostReturnAsync(int postingId, CancellationToken cancellationToken) =>
        await AfterAsync(postingId, await checklists.ReviewAsync(postingId, ChosenYear, Review, ChecklistDecision.Returned, cancellationToken), l["The checklist is returned to the leader."].Value, cancellationToken, nameof(Review));

    /// <summary>Post/redirect/get on success; otherwise the page again with the posted entries and the errors beside them.</summary>
    private async Task<IActionResult> AfterAsync(int postingId, Result? result, string status, CancellationToken cancellationToken, string prefix = nameof(Input))
    {
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            StatusMessage = status;
            return RedirectToPage("Posting", new { postingId, year = ChosenYear });
        }

        ModelState.AddResultErrors(result, prefix);
        var view = await checklists.GetAsync(postingId, ChosenYear, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;

        // Items the posted form did not carry are shown as stored, after the posted rows so that the errors stay beside theirs.
        foreach (var item in view.Checklist?.Items ?? [])
        {
            if (RowOf(item.Id) < 0)
            {
                Input.Items.Add(RowFor(item));
            }
        }

        return Page();
    }

    private static ChecklistItemRow RowFor(ChecklistItemView item) => new()
    {
        ItemId = item.Id,
        Status = item.Status,
        NotApplicableReason = item.NotApplicableReason,
        SelfAssessment = item.SelfAssessment,
    };
}
