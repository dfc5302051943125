using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Appraisals;

namespace SecrecyDuty.Web.Pages.Appraisals;

/// <summary>The appraisal as an A4 document (art. 9), in the UI culture: Chinese by default.</summary>
public sealed class PrintModel(AppraisalService appraisals) : PageModel
{
    public AppraisalPrint Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int leaderId, int? year, CancellationToken cancellationToken)
    {
        var document = await appraisals.GetPrintAsync(leaderId, year, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }
}
