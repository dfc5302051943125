using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Leaders;

/// <summary>A leader's own fields, as the create and edit forms send them.</summary>
public class LeaderInput
{
    public string Name { get; set; } = "";

    public string StaffNumber { get; set; } = "";

    /// <summary>Nullable so that "not chosen" is told apart from the lowest rank.</summary>
    public LeaderRank? Rank { get; set; }

    public bool IsPartyMember { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The unit that keeps the leader's record.</summary>
    public int UnitId { get; set; }

    internal void ApplyTo(Leader leader)
    {
        leader.Name = Name.Trim();
        leader.StaffNumber = StaffNumber.Trim();
        leader.Rank = Rank ?? LeaderRank.Below;
        leader.IsPartyMember = IsPartyMember;
        leader.Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        leader.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        leader.UnitId = UnitId;
    }
}

/// <summary>A new leader, optionally with the first posting, saved together.</summary>
public sealed class CreateLeaderInput : LeaderInput
{
    public bool AddFirstPosting { get; set; }

    public PostingTerms FirstPosting { get; set; } = new();
}

public sealed class LeaderInputValidator : AbstractValidator<LeaderInput>
{
    public const int NameLength = 100;
    public const int StaffNumberLength = 32;
    public const int PhoneLength = 32;
    public const int EmailLength = 256;

    public LeaderInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Name)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the leader's name."])
            .MaximumLength(NameLength).WithMessage(l["A name has at most 100 characters."]);
        RuleFor(x => x.StaffNumber)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the staff number from the cadre records."])
            .MaximumLength(StaffNumberLength).WithMessage(l["A staff number has at most 32 characters."]);
        RuleFor(x => x.Rank)
            .NotNull().WithMessage(l["Choose the leader's rank."])
            .IsInEnum().WithMessage(l["Choose the leader's rank."]);
        RuleFor(x => x.Phone)
            .MaximumLength(PhoneLength).WithMessage(l["A phone number has at most 32 characters."])
            .Matches(@"^[0-9+()\- ]*$").WithMessage(l["A phone number may contain only digits, spaces and + - ( )."]);
        RuleFor(x => x.Email)
            .EmailAddress().WithMessage(l["Enter a valid e-mail address, or leave it empty."])
            .MaximumLength(EmailLength).WithMessage(l["An e-mail address has at most 256 characters."])
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.UnitId)
            .GreaterThan(0).WithMessage(l["Choose the unit that keeps the leader's record."]);
    }
}

public sealed class CreateLeaderValidator : AbstractValidator<CreateLeaderInput>
{
    public CreateLeaderValidator(IStringLocalizer<Messages> l)
    {
        Include(new LeaderInputValidator(l));
        RuleFor(x => x.FirstPosting)
            .SetValidator(new PostingTermsValidator(l))
            .When(x => x.AddFirstPosting);
    }
}
