using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Catalogue;

// Not "…Pages.Regulation" after the folder: a namespace of that name would hide the Regulation entity
// from every page namespace beside it.
namespace SecrecyDuty.Web.Pages.RegulationCatalogue;

/// <summary>The regulation catalogue, readable by every signed-in account; other pages link to /Regulation#P5.3.</summary>
public sealed class IndexModel(CatalogueService catalogue) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The regulation to show; by default the first one loaded.</summary>
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    /// <summary>The version to show; by default the current one.</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public string? Version { get; set; }

    public CatalogueView Catalogue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await catalogue.GetAsync(Code, Version, Search, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Catalogue = view;
        return Page();
    }
}
