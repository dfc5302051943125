using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Postings;

/// <summary>A new posting: from a leader's page (?leaderId=) or from a unit's leadership page (?unitId=, leader by staff number).</summary>
public sealed class CreateModel(PostingService postings, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public PostingInput Input { get; set; } = new();

    /// <summary>Null when the form was opened from a unit's page.</summary>
    public LeaderSummary? Leader { get; private set; }

    public IReadOnlyList<UnitChoice> UnitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? leaderId, int? unitId, CancellationToken cancellationToken)
    {
        var form = await postings.NewAsync(leaderId, unitId, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        (Leader, Input, UnitOptions) = (form.Leader, form.Input, form.Units);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await postings.CreateAsync(Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            var form = await postings.NewAsync(Input.LeaderId > 0 ? Input.LeaderId : null, Input.UnitId, cancellationToken);
            if (form is null)
            {
                return NotFound();
            }

            (Leader, UnitOptions) = (form.Leader, form.Units);
            return Page();
        }

        StatusMessage = l["Posting saved."].Value;
        return Input.LeaderId > 0
            ? RedirectToPage("/Leaders/Details", new { id = Input.LeaderId })
            : RedirectToPage("/Units/Leadership", new { id = Input.UnitId, date = Input.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
    }
}
