using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Inspections.Orders;

/// <summary>Orders the unit to rectify a finding by a deadline (art. 15).</summary>
public sealed class IssueModel(RectificationService orders, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty]
    public RectificationOrderInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int findingId, CancellationToken cancellationToken) =>
        await orders.CanIssueAsync(findingId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int findingId, CancellationToken cancellationToken)
    {
        var result = await orders.IssueAsync(findingId, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            return Page();
        }

        StatusMessage = l["Rectification ordered."];
        return RedirectToPage("Details", new { id = result.Value });
    }
}
