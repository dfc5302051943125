using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Checklists;

/// <summary>The leader's entries for the items of a checklist, saved together. Rows for unknown items are ignored.</summary>
public sealed class ChecklistInput
{
    public List<ChecklistItemRow> Items { get; set; } = [];
}

public sealed class ChecklistItemRow
{
    /// <summary>The checklist item (<see cref="DutyChecklistItem.Id"/>) the row changes.</summary>
    public int ItemId { get; set; }

    public ChecklistItemStatus Status { get; set; }

    /// <summary>Required when the item does not apply; dropped otherwise.</summary>
    public string? NotApplicableReason { get; set; }

    public string? SelfAssessment { get; set; }
}

public sealed class ChecklistInputValidator : AbstractValidator<ChecklistInput>
{
    public const int ReasonLength = 1000;
    public const int SelfAssessmentLength = 4000;

    public ChecklistInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Status)
                .IsInEnum().WithMessage(l["Choose the item's status."]);
            item.RuleFor(i => i.NotApplicableReason)
                .NotEmpty().When(i => i.Status == ChecklistItemStatus.NotApplicable)
                .WithMessage(l["Give the reason why this item does not apply."]);
            item.RuleFor(i => i.NotApplicableReason)
                .MaximumLength(ReasonLength).WithMessage(l["Shorten the reason to at most 1000 characters."]);
            item.RuleFor(i => i.SelfAssessment)
                .MaximumLength(SelfAssessmentLength).WithMessage(l["Shorten the self-assessment to at most 4000 characters."]);
        });
    }
}

/// <summary>What the secrecy office decides about a submitted checklist.</summary>
public enum ChecklistDecision
{
    /// <summary>Reviewed with the secrecy organization's opinion: final.</summary>
    Reviewed,

    /// <summary>Returned to the leader, the opinion saying why: editable again.</summary>
    Returned,
}

/// <summary>The secrecy organization's opinion on a checklist (art. 9), written by the secrecy office.</summary>
public sealed class ChecklistReviewInput
{
    public string? Opinion { get; set; }
}

public sealed class ChecklistReviewValidator : AbstractValidator<ChecklistReviewInput>
{
    public const int OpinionLength = 4000;

    public ChecklistReviewValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Opinion)
            .NotEmpty().WithMessage(l["Write the secrecy organization's opinion on the checklist."])
            .MaximumLength(OpinionLength).WithMessage(l["Shorten the opinion to at most 4000 characters."]);
    }
}

/// <summary>"Generate missing checklists": every posting of the unit holding during the year gets its checklist.</summary>
public sealed class GenerateChecklistsInput
{
    public int UnitId { get; set; }

    public int Year { get; set; }
}

public sealed class GenerateChecklistsValidator : AbstractValidator<GenerateChecklistsInput>
{
    public GenerateChecklistsValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.UnitId)
            .GreaterThan(0).WithMessage(l["Choose the unit."]);
        RuleFor(x => x.Year)
            .Must(y => y >= ChecklistRules.FirstYear && y <= LocalDate.Today(clock).Year)
            .WithMessage(l["Enter a year from 2000 to the current year."]);
    }
}
