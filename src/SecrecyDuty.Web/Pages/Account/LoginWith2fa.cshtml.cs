using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Account;

/// <summary>
/// The second step of sign-in for an account with an authenticator app: a code from the app (accepted once only), or one
/// of the recovery codes (each used once). Failures count toward the account's lockout as wrong passwords do.
/// </summary>
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, IStringLocalizer<Messages> l, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), l["Enter the six digits the app shows now."]);
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        return Outcome(result, nameof(Code));
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }

        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), l["Enter one of your recovery codes."]);
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return Outcome(result, nameof(RecoveryCode));
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result, string field)
    {
        if (result.Succeeded)
        {
            Log.SignedIn(logger, User.Identity?.Name ?? "");
            return LocalRedirect(Url.SafeReturnUrl(ReturnUrl));
        }

        Log.SignInFailed(logger, "(second factor)");
        ModelState.AddModelError(field, l["The code is not correct, or the account is locked for a while after repeated failed sign-ins."]);
        return Page();
    }
}
