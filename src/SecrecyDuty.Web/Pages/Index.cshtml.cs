using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Home;

namespace SecrecyDuty.Web.Pages;

public sealed class IndexModel(HomeService home) : PageModel
{
    public HomeSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var summary = await home.GetAsync(cancellationToken);
        if (summary is null)
        {
            // The account behind the cookie no longer exists.
            return Challenge();
        }

        Summary = summary;
        return Page();
    }
}
