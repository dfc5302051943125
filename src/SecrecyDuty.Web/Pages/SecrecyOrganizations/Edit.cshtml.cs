using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.SecrecyOrganizations;

/// <summary>
/// The secrecy organization with its members and cadres in one form. "Add a row" posts the form back and
/// shows it again with one more blank row, so the page works without JavaScript.
/// </summary>
public sealed class EditModel(SecrecyOrganizationService organizations, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Blank rows offered when the form opens.</summary>
    public const int SpareMemberRows = 3;

    public const int SpareCadreRows = 2;

    [BindProperty]
    public SecrecyOrganizationInput Input { get; set; } = new();

    public SecrecyOrganizationForm Form { get; private set; } = null!;

    /// <summary>The version of the organization (0: none yet) the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var form = await organizations.GetFormAsync(id, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        Input = form.Input;
        Version = form.Version;
        Input.Members.AddRange(Enumerable.Range(0, SpareMemberRows).Select(_ => new MemberRow()));
        Input.Cadres.AddRange(Enumerable.Range(0, SpareCadreRows).Select(_ => new CadreRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await organizations.SaveAsync(id, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return await ShowAgainAsync(id, cancellationToken);
        }

        StatusMessage = l["The secrecy organization is saved."].Value;
        return RedirectToPage("Details", new { id });
    }

    public Task<IActionResult> OnPostAddMemberAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Input.Members.Add(new MemberRow());
        return ShowAgainAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostAddCadreAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Input.Cadres.Add(new CadreRow());
        return ShowAgainAsync(id, cancellationToken);
    }

    /// <summary>The posted rows as they were, with the leaders to choose from.</summary>
    private async Task<IActionResult> ShowAgainAsync(int id, CancellationToken cancellationToken)
    {
        var form = await organizations.GetFormAsync(id, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        return Page();
    }
}
