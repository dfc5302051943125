using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Pages.Account;

/// <summary>
/// Sign-out is a POST with an antiforgery token, so a link on another site cannot sign anyone out. It ends the session on
/// the server: the account's security stamp changes, so the old cookie, replayed, is refused (issue 14, finding 1).
/// </summary>
public sealed class LogoutModel(OwnAccountService account, SignInManager<AppUser> signIn, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await account.EndSessionsAsync(cancellationToken);
        await signIn.SignOutAsync();
        StatusMessage = l["You have signed out."].Value;
        return RedirectToPage("/Account/Login");
    }
}
