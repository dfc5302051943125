using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Admin.Accounts;

public sealed class CreateModel(AccountService accounts, UnitService units, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public CreateAccountInput Input { get; set; } = new();

    public IReadOnlyList<UnitListItem> UnitOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        UnitOptions = await units.OptionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Input.Password = "";
            UnitOptions = await units.OptionsAsync(cancellationToken);
            return Page();
        }

        StatusMessage = l["Account {0} created.", Input.UserName].Value;
        return RedirectToPage("Index");
    }
}
