using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Accounts;

public sealed class CreateAccountInput
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public int UnitId { get; set; }

    public string Role { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The staff number of the leader this account belongs to (a unit leader's own record), if any.</summary>
    public string? LeaderStaffNumber { get; set; }
}

public sealed class CreateAccountValidator : AbstractValidator<CreateAccountInput>
{
    public const int MinimumPasswordLength = 12;

    /// <summary>The account's e-mail column (Identity's): a longer address was a server error on SQL Server.</summary>
    public const int EmailMaxLength = 256;

    /// <summary>Long passphrases are welcome (ASVS V6.2.9 asks for 64 characters at least); a page of text is not a password.</summary>
    public const int MaximumPasswordLength = 128;

    public CreateAccountValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.UserName)
            .NotEmpty().WithMessage(l["Enter a user name."])
            .MaximumLength(64).WithMessage(l["A user name has at most 64 characters."])
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage(l["A user name may contain only letters, digits and . _ @ -"]);
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage(l["Enter the person's name."])
            .MaximumLength(100).WithMessage(l["A name has at most 100 characters."]);
        RuleFor(x => x.Email)
            .Cascade(CascadeMode.Stop)
            .MaximumLength(EmailMaxLength).WithMessage(l["An e-mail address has at most 256 characters."])
            .EmailAddress().WithMessage(l["Enter a valid e-mail address, or leave it empty."])
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.UnitId)
            .GreaterThan(0).WithMessage(l["Choose the unit the account belongs to."]);
        RuleFor(x => x.Role)
            .Must(Roles.IsKnown).WithMessage(l["Choose a role."]);
        RuleFor(x => x.Password)
            .NotEmpty().WithMessage(l["Enter an initial password."])
            .MinimumLength(MinimumPasswordLength).WithMessage(l["A password has at least 12 characters."])
            .MaximumLength(MaximumPasswordLength).WithMessage(l["A password has at most {0} characters.", MaximumPasswordLength]);
        RuleFor(x => x.LeaderStaffNumber)
            .NotEmpty().WithMessage(l["A unit leader's account needs the staff number of the leader's record."])
            .When(x => x.Role == Roles.UnitLeader);
    }
}
