using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.SecrecyOrganizations;

namespace SecrecyDuty.Web.Pages.SecrecyOrganizations;

public sealed class DetailsModel(SecrecyOrganizationService organizations) : PageModel
{
    public SecrecyOrganizationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await organizations.GetAsync(id, cancellationToken);
        if (view is null)
        {
            // Outside the jurisdiction looks exactly like "no such unit".
            return NotFound();
        }

        View = view;
        return Page();
    }
}
