using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Accounts;

/// <summary>An account as its administrator sees it on the account's page.</summary>
public sealed record AccountDetails(
    string Id,
    string UserName,
    string DisplayName,
    string UnitName,
    string Role,
    bool LockedOut,
    bool Deactivated,
    bool TwoFactorEnabled,
    bool IsOwnAccount,
    int Version);

/// <summary>A role as a conflict names it: the page shows it by its localized name.</summary>
public sealed record RoleName(string Name);

public sealed class ResetPasswordInput
{
    public string NewPassword { get; set; } = "";
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.NewPassword)
            .NotEmpty().WithMessage(l["Enter a new password."])
            .MinimumLength(CreateAccountValidator.MinimumPasswordLength).WithMessage(l["A password has at least 12 characters."])
            .MaximumLength(CreateAccountValidator.MaximumPasswordLength).WithMessage(l["A password has at most {0} characters.", CreateAccountValidator.MaximumPasswordLength]);
    }
}

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(l["Enter your current password."]);
        RuleFor(x => x.NewPassword)
            .NotEmpty().WithMessage(l["Enter a new password."])
            .MinimumLength(CreateAccountValidator.MinimumPasswordLength).WithMessage(l["A password has at least 12 characters."])
            .MaximumLength(CreateAccountValidator.MaximumPasswordLength).WithMessage(l["A password has at most {0} characters.", CreateAccountValidator.MaximumPasswordLength]);
        RuleFor(x => x.ConfirmPassword)
            .Equal(x => x.NewPassword).WithMessage(l["Type the new password again, exactly as above."]);
    }
}

public sealed class ChangeRoleInput
{
    public string Role { get; set; } = "";
}
