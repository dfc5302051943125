using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Security;

namespace SecrecyDuty.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (issue 14, "Sign-in hardening"): set up (a key, its QR code drawn by the
/// app), confirm with a code, keep the recovery codes; new recovery codes; turn off where the role allows it. An account
/// whose role requires it is sent here after its password until it has enrolled (<see cref="TwoFactorEnrolmentFilter"/>).
/// </summary>
public sealed class TwoFactorModel(OwnAccountService account, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<Messages> l) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public TwoFactorStatus Status { get; private set; } = null!;

    /// <summary>The recovery codes, shown once: right after they are made, in the answer to that POST.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? QrCodeSvg { get; private set; }

    /// <summary>Whether this session has passed a second factor; an account that must enrol has not.</summary>
    public bool MustEnrol => Status.Required && !User.HasClaim("amr", "mfa");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        await account.StartEnrolmentAsync(cancellationToken);
        await RenewSignInAsync(secondFactor: User.HasClaim("amr", "mfa"));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var result = await account.ConfirmEnrolmentAsync(Code, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, prefix: "");
            await LoadAsync(cancellationToken);
            return Page();
        }

        // The code just typed is the second factor of this session.
        await RenewSignInAsync(secondFactor: true);
        RecoveryCodes = result.Value!;
        StatusMessage = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        RecoveryCodes = await account.NewRecoveryCodesAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var result = await account.DisableTwoFactorAsync(cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, prefix: "");
            await LoadAsync(cancellationToken);
            return Page();
        }

        await RenewSignInAsync(secondFactor: false);
        StatusMessage = l["Two-factor sign-in is off."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Status = await account.TwoFactorStatusAsync(cancellationToken);
        if (Status.PendingKey is { } key)
        {
            QrCodeSvg = QrCodeImage.Svg(QrCodeImage.AuthenticatorUri(Status.UserName, key));
        }
    }

    /// <summary>The account's security stamp changed: a new cookie for this browser (every other session ends).</summary>
    private async Task RenewSignInAsync(bool secondFactor)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return;
        }

        var persistent = (await HttpContext.AuthenticateAsync()).Properties?.IsPersistent ?? false;
        await signIn.SignInWithClaimsAsync(user, persistent, secondFactor ? [new Claim("amr", "mfa")] : [new Claim("amr", "pwd")]);
    }
}
