using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class EditModel(UnitService units, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public int Id { get; private set; }

    /// <summary>The version of the unit the form was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var unit = await units.GetForEditAsync(id, cancellationToken);
        if (unit is null)
        {
            // Outside the jurisdiction looks exactly like "no such unit".
            return NotFound();
        }

        Input = new UnitInput
        {
            Code = unit.Code,
            Name = unit.Name,
            Kind = unit.Kind,
            Level = unit.Level,
            IsLargeOrMediumEnterprise = unit.IsLargeOrMediumEnterprise,
            EstablishedOn = unit.EstablishedOn,
        };
        Version = unit.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await units.EditAsync(id, Version, Input, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return Page();
        }

        StatusMessage = l["Unit {0} saved.", Input.Name].Value;
        return RedirectToPage("Details", new { id });
    }
}
