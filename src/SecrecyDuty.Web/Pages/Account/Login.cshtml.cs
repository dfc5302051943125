using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Account;

public sealed class LoginInput
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.UserName).NotEmpty().WithMessage(l["Enter your user name."]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(l["Enter your password."]);
    }
}

public sealed class LoginModel(
    SignInManager<AppUser> signIn,
    IValidator<LoginInput> validator,
    IStringLocalizer<Messages> l,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddResultErrors(Result.Failure(validation));
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Log.SignedIn(logger, Input.UserName);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            Log.LockedOut(logger, Input.UserName);
        }
        else
        {
            Log.SignInFailed(logger, Input.UserName);
        }

        // One message for an unknown user, a wrong password, a locked and a deactivated account: it reveals nothing.
        ModelState.AddModelError(string.Empty, l["The user name or password is not correct, or the account is locked for a while after repeated failed sign-ins."]);
        return Page();
    }

    private string SafeReturnUrl => Url.SafeReturnUrl(ReturnUrl);
}
