using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections.Scoring;

namespace SecrecyDuty.Web.Pages.Inspections.Templates;

/// <summary>The scored checklist templates (data, like the regulation catalogue); a secrecy bureau loads its own here.</summary>
public sealed class IndexModel(ScoreTemplateService templates, IStringLocalizer<Messages> l) : PageModel
{
    public IReadOnlyList<ScoreTemplateListItem> Templates { get; private set; } = [];

    public bool CanLoad => templates.CanLoad;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Templates = await templates.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? templateFile, CancellationToken cancellationToken)
    {
        if (templateFile is null || templateFile.Length == 0)
        {
            ModelState.AddModelError(ScoreTemplateService.Field, l["Choose the template's JSON file."]);
            Templates = await templates.ListAsync(cancellationToken);
            return Page();
        }

        await using var content = templateFile.OpenReadStream();
        var result = await templates.LoadAsync(content, templateFile.FileName, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            Templates = await templates.ListAsync(cancellationToken);
            return Page();
        }

        var loaded = result.Value!;
        StatusMessage = l["Template {0} version {1} loaded; it is now the current version.", loaded.Code, loaded.Version];
        return RedirectToPage("Details", new { id = loaded.Id });
    }
}
