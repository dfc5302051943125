using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Proposals;

/// <summary>Records a proposal sent to the organ holding cadre-management authority (art. 17).</summary>
public sealed class CreateModel(ProposalService proposals, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public ProposalForm Form { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(int? leaderId, int? incidentId, CancellationToken cancellationToken) =>
        Form = await proposals.NewAsync(leaderId, incidentId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await proposals.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Form = await proposals.FormAsync(Input, cancellationToken);
            return Page();
        }

        StatusMessage = l["Proposal recorded: it stays open until the feedback is recorded."];
        return RedirectToPage("Details", new { id = result.Value });
    }
}
