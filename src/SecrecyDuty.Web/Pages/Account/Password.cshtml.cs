using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Account;

/// <summary>Every person changes their own password here, with the current one (issue 14, finding 2).</summary>
public sealed class PasswordModel(OwnAccountService account, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<Messages> l) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await account.ChangePasswordAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Input = new ChangePasswordInput();
            return Page();
        }

        // The security stamp changed: this browser gets a cookie with the new one, every other session ends.
        if (await users.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        StatusMessage = l["Your password has been changed. Other sessions of your account have ended."].Value;
        return RedirectToPage();
    }
}
