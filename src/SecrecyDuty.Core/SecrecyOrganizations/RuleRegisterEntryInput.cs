using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>One rule area's entry in a unit's rule register (S6.6): when the rules were adopted and last revised, and by which document.</summary>
public sealed class RuleRegisterEntryInput
{
    public DateOnly? AdoptedOn { get; set; }

    public DateOnly? LastRevisedOn { get; set; }

    /// <summary>文号 of the document that adopted or last revised the rules.</summary>
    public string? DocumentReference { get; set; }
}

public sealed class RuleRegisterEntryValidator : AbstractValidator<RuleRegisterEntryInput>
{
    public const int DocumentReferenceLength = 200;

    public RuleRegisterEntryValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        DateOnly Today() => LocalDate.Today(clock);

        RuleFor(x => x.AdoptedOn)
            .NotNull().WithMessage(l["Enter the date the rules were adopted."])
            .Must(d => d is null || d <= Today()).WithMessage(l["The adoption date cannot be in the future."]);
        RuleFor(x => x.LastRevisedOn)
            .Must(d => d is null || d <= Today()).WithMessage(l["The revision date cannot be in the future."]);
        RuleFor(x => x.LastRevisedOn)
            .Must((x, d) => d is null || x.AdoptedOn is null || d >= x.AdoptedOn)
            .WithMessage(l["The rules cannot be revised before they were adopted: enter a revision date on or after the adoption date."]);
        RuleFor(x => x.DocumentReference)
            .NotEmpty().WithMessage(l["Enter the document reference (文号) of the rules."])
            .MaximumLength(DocumentReferenceLength).WithMessage(l["Shorten the document reference to at most 200 characters."]);
    }
}
