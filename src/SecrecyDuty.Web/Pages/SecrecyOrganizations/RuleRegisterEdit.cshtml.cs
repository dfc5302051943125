using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.SecrecyOrganizations;

public sealed class RuleRegisterEditModel(RuleRegisterService register, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public RuleRegisterEntryInput Input { get; set; } = new();

    public RuleRegisterEntryForm Form { get; private set; } = null!;

    /// <summary>The version of the entry (0: none yet) the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken cancellationToken)
    {
        var form = await register.GetFormAsync(id, code, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        Input = form.Input;
        Version = form.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string code, CancellationToken cancellationToken)
    {
        var result = await register.SaveAsync(id, code, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            var form = await register.GetFormAsync(id, code, cancellationToken);
            if (form is null)
            {
                return NotFound();
            }

            Form = form;
            return Page();
        }

        StatusMessage = l["The rules of area {0} are recorded.", code.ToUpperInvariant()].Value;
        return RedirectToPage("RuleRegister", new { id });
    }
}
