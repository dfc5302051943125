using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Admin.Accounts;

/// <summary>
/// One account, for its administrator (within the jurisdiction): reset its password, deactivate or reactivate it, end a
/// lockout, change its role. Each takes effect on the account's next request (issue 14, finding 2).
/// </summary>
public sealed class DetailsModel(AccountService accounts, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public ResetPasswordInput Reset { get; set; } = new();

    [BindProperty]
    public ChangeRoleInput RoleInput { get; set; } = new();

    public AccountDetails Account { get; private set; } = null!;

    /// <summary>The version of the account the page was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Account.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken) =>
        await OutcomeAsync(id, await accounts.ResetPasswordAsync(id, Version, Reset, cancellationToken), nameof(Reset), "The password has been reset. The person's sessions have ended.", cancellationToken);

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken) =>
        await OutcomeAsync(id, await accounts.DeactivateAsync(id, Version, cancellationToken), "", "The account has been deactivated. Its sessions have ended.", cancellationToken);

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        await OutcomeAsync(id, await accounts.ReactivateAsync(id, Version, cancellationToken), "", "The account has been reactivated.", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        await OutcomeAsync(id, await accounts.UnlockAsync(id, Version, cancellationToken), "", "The account has been unlocked.", cancellationToken);

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken cancellationToken) =>
        await OutcomeAsync(id, await accounts.ResetTwoFactorAsync(id, Version, cancellationToken), "", "Two-factor sign-in has been reset. The person's sessions have ended; they set up the app again at the next sign-in.", cancellationToken);

    public async Task<IActionResult> OnPostChangeRoleAsync(string id, CancellationToken cancellationToken) =>
        await OutcomeAsync(id, await accounts.ChangeRoleAsync(id, Version, RoleInput, cancellationToken), nameof(RoleInput), "The role has been changed. The person's sessions have ended: the new role applies from the next sign-in.", cancellationToken);

    private async Task<IActionResult> OutcomeAsync(string id, Result? result, string prefix, string success, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, prefix);
            Conflict = result.Conflict;
            Reset = new ResetPasswordInput();
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = l[success].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(id, cancellationToken);
        if (account is null)
        {
            return false;
        }

        Account = account;
        if (string.IsNullOrEmpty(RoleInput.Role))
        {
            RoleInput.Role = account.Role;
        }

        return true;
    }
}
