using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Inspections.Scoring;

namespace SecrecyDuty.Web.Pages.Inspections.Templates;

/// <summary>A checklist template version with its grade bands, categories and items.</summary>
public sealed class DetailsModel(ScoreTemplateService templates) : PageModel
{
    public ScoreTemplateDetails Template { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(id, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }

        Template = template;
        return Page();
    }
}
