using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.SecrecyOrganizations;

/// <summary>The secrecy office marks a rule area of S6.6 not applicable to the unit, with the reason, or withdraws the mark.</summary>
public sealed class RuleRegisterNotApplicableModel(RuleRegisterService register, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public RuleAreaExemptionInput Input { get; set; } = new();

    public RuleAreaExemptionForm Form { get; private set; } = null!;

    /// <summary>The version of the mark (0: none yet) the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, code, cancellationToken))
        {
            return NotFound();
        }

        Input = Form.Input;
        Version = Form.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string code, CancellationToken cancellationToken)
    {
        var result = await register.MarkNotApplicableAsync(id, code, Version, Input, cancellationToken);
        return await AfterAsync(id, code, result, l["Rule area {0} is marked not applicable.", code.ToUpperInvariant()], cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, string code, CancellationToken cancellationToken)
    {
        var result = await register.WithdrawNotApplicableAsync(id, code, Version, cancellationToken);
        return await AfterAsync(id, code, result, l["The mark on rule area {0} is withdrawn.", code.ToUpperInvariant()], cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, string code, Result? result, LocalizedString status, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            // Outside the jurisdiction looks exactly like "no such unit".
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return await LoadAsync(id, code, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = status.Value;
        return RedirectToPage("RuleRegister", new { id });
    }

    private async Task<bool> LoadAsync(int id, string code, CancellationToken cancellationToken)
    {
        var form = await register.GetExemptionFormAsync(id, code, cancellationToken);
        if (form is null)
        {
            return false;
        }

        Form = form;
        return true;
    }
}
