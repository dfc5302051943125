using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Admin.Accounts;

public sealed class CreateModel(AccountService accounts, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public CreateAccountInput Input { get; set; } = new();

    /// <summary>The unit chosen so far, shown in the search-as-you-type picker (never a drop-down of every unit).</summary>
    public UnitLookupItem? Unit { get; private set; }

    /// <summary>A blank form: no unit chosen yet, so nothing to look up.</summary>
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Input.Password = "";
            Unit = await accounts.UnitChoiceAsync(Input.UnitId, cancellationToken);
            return Page();
        }

        StatusMessage = l["Account {0} created.", Input.UserName].Value;
        return RedirectToPage("Index");
    }
}
