using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Units;

/// <summary>The fields of a unit that its edit form changes (the parent changes by a move).</summary>
public class UnitInput
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;

    /// <summary>Trimmed on input: " SF-QS " and "SF-QS" are the same code.</summary>
    public string Code { get; set => field = value?.Trim() ?? ""; } = "";

    public string Name { get; set => field = value?.Trim() ?? ""; } = "";

    /// <summary>Nullable so that a form left at "Choose…" is reported, not read as the first kind.</summary>
    public UnitKind? Kind { get; set; }

    public AdministrativeLevel? Level { get; set; }

    /// <summary>国有大、中型企业 (art. 2): only a state-owned enterprise can be one.</summary>
    public bool IsLargeOrMediumEnterprise { get; set; }

    /// <summary>The date the unit was set up, if known; never in the future.</summary>
    public DateOnly? EstablishedOn { get; set; }
}

/// <summary>A new unit: its fields and where in the tree it goes.</summary>
public sealed class CreateUnitInput : UnitInput
{
    /// <summary>
    /// Required: a root unit (no parent) is made only by the create-admin command, never through the forms.
    /// </summary>
    public int? ParentId { get; set; }
}

public sealed class MoveUnitInput
{
    public int? NewParentId { get; set; }
}

/// <summary>Deactivating a unit: the date it closed (years after it are not judged).</summary>
public sealed class DeactivateUnitInput
{
    public DateOnly? ClosedOn { get; set; }
}

public sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public UnitInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Code)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(l["Enter the unit's code."])
            .MaximumLength(UnitInput.CodeMaxLength).WithMessage(l["A unit's code has at most 32 characters."])
            .Matches("^[A-Za-z0-9_-]+$").WithMessage(l["A unit's code may contain only letters, digits, - and _."]);
        RuleFor(x => x.Name)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(l["Enter the unit's name."])
            .MaximumLength(UnitInput.NameMaxLength).WithMessage(l["A unit's name has at most 200 characters."]);
        RuleFor(x => x.Kind)
            .NotNull().WithMessage(l["Choose the unit's kind."])
            .IsInEnum().WithMessage(l["Choose the unit's kind."]);
        RuleFor(x => x.Level)
            .NotNull().WithMessage(l["Choose the unit's administrative level."])
            .IsInEnum().WithMessage(l["Choose the unit's administrative level."]);

        // Art. 2 names only large and medium state-owned enterprises: the size means nothing for other kinds.
        RuleFor(x => x.IsLargeOrMediumEnterprise)
            .Must((x, large) => !large || x.Kind == UnitKind.StateOwnedEnterprise)
            .WithMessage(l["Only a state-owned enterprise can be marked large or medium (国有大、中型企业): clear this box, or choose the kind State-owned enterprise."]);
        RuleFor(x => x.EstablishedOn)
            .Must(d => d is null || d <= LocalDate.Today(clock))
            .WithMessage(l["The set-up date cannot be in the future: enter the date the unit was set up, or leave it empty."]);
    }
}

public sealed class CreateUnitInputValidator : AbstractValidator<CreateUnitInput>
{
    public CreateUnitInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        Include(new UnitInputValidator(l, clock));
        RuleFor(x => x.ParentId)
            .NotNull().WithMessage(l["Choose the parent unit."])
            .GreaterThan(0).WithMessage(l["Choose the parent unit."]);
    }
}

public sealed class MoveUnitInputValidator : AbstractValidator<MoveUnitInput>
{
    public MoveUnitInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.NewParentId)
            .NotNull().WithMessage(l["Choose the new parent unit."])
            .GreaterThan(0).WithMessage(l["Choose the new parent unit."]);
    }
}

public sealed class DeactivateUnitInputValidator : AbstractValidator<DeactivateUnitInput>
{
    public DeactivateUnitInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.ClosedOn)
            .NotNull().WithMessage(l["Enter the date the unit closed."])
            .Must(d => d is null || d <= LocalDate.Today(clock)).WithMessage(l["The closing date cannot be in the future: deactivate the unit once it has closed."]);
    }
}
