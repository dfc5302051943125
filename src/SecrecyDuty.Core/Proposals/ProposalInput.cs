using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Proposals;

/// <summary>Field sizes, shared by the validators and the EF configuration.</summary>
public static class ProposalLimits
{
    public const int RecipientMaxLength = 200;
    public const int DocumentNumberMaxLength = 100;
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 2000;
}

/// <summary>A proposal as its form carries it.</summary>
public sealed class ProposalInput
{
    public ProposalKind? Kind { get; set; }

    public int LeaderId { get; set; }

    public ProposingBody? Body { get; set; }

    /// <summary>The proposing body's unit; the leader's own unit when the secrecy organization proposes.</summary>
    public int BodyUnitId { get; set; }

    public string Recipient { get; set; } = "";

    public ProposalBasis? Basis { get; set; }

    public string BasisDescription { get; set; } = "";

    public string Content { get; set; } = "";

    public string? DocumentNumber { get; set; }

    public DateOnly? SentOn { get; set; }

    /// <summary>Empty: the sent date plus the configured number of days.</summary>
    public DateOnly? FeedbackDueOn { get; set; }

    /// <summary>The incident file a sanction proposal rests on, when it does: the leader is a person of that file.</summary>
    public int? IncidentId { get; set; }
}

public sealed class ProposalInputValidator : AbstractValidator<ProposalInput>
{
    public ProposalInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Choose commendation or sanction."]);
        RuleFor(x => x.LeaderId).GreaterThan(0).WithMessage(l["Choose the leader the proposal is about."]);
        RuleFor(x => x.Body).NotNull().WithMessage(l["Choose who proposes (art. 17)."]);
        RuleFor(x => x.BodyUnitId).GreaterThan(0).WithMessage(l["Choose the unit of the proposing body."]);
        RuleFor(x => x.Recipient)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Name the organ holding cadre-management authority."])
            .MaximumLength(ProposalLimits.RecipientMaxLength).WithMessage(l["The text has at most {0} characters.", ProposalLimits.RecipientMaxLength]);
        RuleFor(x => x.Basis).NotNull().WithMessage(l["Choose what the proposal rests on."]);
        RuleFor(x => x.BasisDescription)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Say which record the proposal rests on."])
            .MaximumLength(ProposalLimits.TextMaxLength).WithMessage(l["The text has at most {0} characters.", ProposalLimits.TextMaxLength]);
        RuleFor(x => x.Content)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Say what is proposed."])
            .MaximumLength(ProposalLimits.TextMaxLength).WithMessage(l["The text has at most {0} characters.", ProposalLimits.TextMaxLength]);
        RuleFor(x => x.DocumentNumber)
            .MaximumLength(ProposalLimits.DocumentNumberMaxLength).WithMessage(l["The text has at most {0} characters.", ProposalLimits.DocumentNumberMaxLength]);
        RuleFor(x => x.SentOn)
            .NotNull().WithMessage(l["Enter the date the proposal was sent."])
            .Must(d => d is null || d <= LocalDate.Today(clock)).WithMessage(l["The date the proposal was sent cannot be in the future."]);
        RuleFor(x => x.FeedbackDueOn)
            .Must((x, d) => d is null || x.SentOn is null || d > x.SentOn).WithMessage(l["The feedback is due after the proposal was sent."]);
    }
}

/// <summary>The cadre-management organ's answer to a proposal.</summary>
public sealed class ProposalFeedbackInput
{
    public string Feedback { get; set; } = "";

    public DateOnly? FeedbackOn { get; set; }
}

public sealed class ProposalFeedbackInputValidator : AbstractValidator<ProposalFeedbackInput>
{
    public ProposalFeedbackInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Feedback)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the feedback received."])
            .MaximumLength(ProposalLimits.TextMaxLength).WithMessage(l["The text has at most {0} characters.", ProposalLimits.TextMaxLength]);
        RuleFor(x => x.FeedbackOn)
            .NotNull().WithMessage(l["Enter the date the feedback was received."])
            .Must(d => d is null || d <= LocalDate.Today(clock)).WithMessage(l["The date the feedback was received cannot be in the future."]);
    }
}

/// <summary>A commendation as its form carries it: of a leader (then the leader's unit) or of a unit.</summary>
public sealed class CommendationInput
{
    public int? LeaderId { get; set; }

    /// <summary>The unit commended; ignored when a leader is.</summary>
    public int UnitId { get; set; }

    public string Reason { get; set; } = "";

    public string IssuedBy { get; set; } = "";

    public DateOnly? IssuedOn { get; set; }

    public string? DocumentNumber { get; set; }
}

public sealed class CommendationInputValidator : AbstractValidator<CommendationInput>
{
    public CommendationInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.UnitId).GreaterThan(0).When(x => x.LeaderId is null or 0).WithMessage(l["Choose the leader or the unit commended."]);
        RuleFor(x => x.Reason)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Say why the commendation is given."])
            .MaximumLength(ProposalLimits.ReasonMaxLength).WithMessage(l["The text has at most {0} characters.", ProposalLimits.ReasonMaxLength]);
        RuleFor(x => x.IssuedBy)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Name the body that issued the commendation."])
            .MaximumLength(ProposalLimits.RecipientMaxLength).WithMessage(l["The text has at most {0} characters.", ProposalLimits.RecipientMaxLength]);
        RuleFor(x => x.IssuedOn)
            .NotNull().WithMessage(l["Enter the date of the commendation."])
            .Must(d => d is null || d <= LocalDate.Today(clock)).WithMessage(l["The date of the commendation cannot be in the future."]);
        RuleFor(x => x.DocumentNumber)
            .MaximumLength(ProposalLimits.DocumentNumberMaxLength).WithMessage(l["The text has at most {0} characters.", ProposalLimits.DocumentNumberMaxLength]);
    }
}
