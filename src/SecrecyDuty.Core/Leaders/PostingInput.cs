using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Leaders;

/// <summary>The terms of a posting: where, in which role, for which period.</summary>
public class PostingTerms
{
    public int UnitId { get; set; }

    /// <summary>Nullable so that "not chosen" is told apart from the first role.</summary>
    public PostingRole? Role { get; set; }

    /// <summary>
    /// A principal leader or other member who also leads the unit's secrecy work (分管保密工作, art. 6); never set on a
    /// <see cref="PostingRole.SecrecyLeader"/> posting, which carries the charge by its role.
    /// </summary>
    public bool LeadsSecrecyWork { get; set; }

    public string Title { get; set; } = "";

    public string? Portfolio { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>The period as the rules see it; only called once validation has made sure of the role and the start.</summary>
    internal PostingPeriod ToPeriod(int id, int leaderId) =>
        new(id, leaderId, UnitId, Role ?? PostingRole.OtherMember, From ?? DateOnly.MinValue, To, LeadsSecrecyWork);

    internal void ApplyTo(Posting posting)
    {
        posting.UnitId = UnitId;
        posting.Role = Role ?? PostingRole.OtherMember;
        posting.LeadsSecrecyWork = LeadsSecrecyWork;
        posting.Title = Title.Trim();
        posting.Portfolio = string.IsNullOrWhiteSpace(Portfolio) ? null : Portfolio.Trim();
        posting.From = From ?? DateOnly.MinValue;
        posting.To = To;
    }
}

/// <summary>A posting of a leader, given by id (from the leader's page) or by staff number (from a unit's page).</summary>
public sealed class PostingInput : PostingTerms
{
    public int LeaderId { get; set; }

    public string? LeaderStaffNumber { get; set; }
}

/// <summary>Ending a posting: the last day it held.</summary>
public sealed class EndPostingInput
{
    public DateOnly? To { get; set; }
}

public sealed class PostingTermsValidator : AbstractValidator<PostingTerms>
{
    public const int TitleLength = 100;
    public const int PortfolioLength = 500;

    public PostingTermsValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.UnitId)
            .GreaterThan(0).WithMessage(l["Choose the unit of the posting."]);
        RuleFor(x => x.Role)
            .NotNull().WithMessage(l["Choose a role."])
            .IsInEnum().WithMessage(l["Choose a role."]);

        // Art. 6: the leader in charge of secrecy work carries the charge by the role; the box is for the other roles.
        RuleFor(x => x.LeadsSecrecyWork)
            .Must((x, leads) => !leads || x.Role != PostingRole.SecrecyLeader)
            .WithMessage(l["A leader in charge of secrecy work leads it by the role already: clear this box, or choose another role."]);
        RuleFor(x => x.Title)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the title of the post."])
            .MaximumLength(TitleLength).WithMessage(l["A title has at most 100 characters."]);

        // Art. 7: an other team member answers for the secrecy side of the business lines he or she supervises.
        RuleFor(x => x.Portfolio)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the business lines this member supervises (art. 7)."])
            .When(x => x.Role == PostingRole.OtherMember);
        RuleFor(x => x.Portfolio)
            .MaximumLength(PortfolioLength).WithMessage(l["A portfolio has at most 500 characters."]);
        RuleFor(x => x.From)
            .NotNull().WithMessage(l["Enter the date the posting began."]);
    }
}

public sealed class PostingInputValidator : AbstractValidator<PostingInput>
{
    public PostingInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        Include(new PostingTermsValidator(l));
        RuleFor(x => x.LeaderStaffNumber)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the leader's staff number."])
            .When(x => x.LeaderId <= 0);
    }
}

public sealed class EndPostingValidator : AbstractValidator<EndPostingInput>
{
    public EndPostingValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.To)
            .NotNull().WithMessage(l["Enter the last day of the posting."]);
    }
}
