using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.SecrecyOrganizations;

public sealed class RuleRegisterModel(RuleRegisterService register) : PageModel
{
    public RuleRegisterView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await register.GetAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>The rule area's name in the interface language: the catalogue holds Chinese and English.</summary>
    public static string AreaName(string name, string nameEn) =>
        CultureInfo.CurrentUICulture.Name == SupportedCultures.English && nameEn.Length > 0 ? nameEn : name;
}
