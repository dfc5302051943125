using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>
/// The whole secrecy organization of a unit as one form (P5.2): the organization, its members and its
/// secrecy cadres, saved together. Rows left blank are ignored, rows marked for removal are dropped.
/// </summary>
public sealed class SecrecyOrganizationInput
{
    public SecrecyOrganizationKind? Kind { get; set; }

    public DateOnly? EstablishedOn { get; set; }

    public int? ChairLeaderId { get; set; }

    public string? OfficeName { get; set; }

    public string? OfficeHead { get; set; }

    public string? OfficePhone { get; set; }

    public decimal? AnnualBudget { get; set; }

    public int? BudgetYear { get; set; }

    public string? Facilities { get; set; }

    public List<MemberRow> Members { get; set; } = [];

    public List<CadreRow> Cadres { get; set; } = [];
}

/// <summary>A member: a leader of the unit, or a name and position for anyone else (e.g. a department head).</summary>
public sealed class MemberRow
{
    /// <summary>The stored member this row shows; null for a new row.</summary>
    public int? Id { get; set; }

    public int? LeaderId { get; set; }

    public string? Name { get; set; }

    public string? Position { get; set; }

    public bool Remove { get; set; }

    /// <summary>Nothing entered: the row is one of the form's spare rows and is ignored.</summary>
    public bool IsBlank => LeaderId is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Position);

    /// <summary>The row is saved: something was entered and it is not marked for removal.</summary>
    public bool IsKept => !Remove && !IsBlank;
}

/// <summary>A secrecy cadre (保密干部), full-time or part-time, with the last training date.</summary>
public sealed class CadreRow
{
    public int? Id { get; set; }

    public string? Name { get; set; }

    public string? Position { get; set; }

    public bool IsFullTime { get; set; }

    public DateOnly? LastTrainedOn { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Position) && !IsFullTime && LastTrainedOn is null;

    public bool IsKept => !Remove && !IsBlank;
}

public sealed class SecrecyOrganizationValidator : AbstractValidator<SecrecyOrganizationInput>
{
    public const int NameLength = 100;
    public const int OfficeNameLength = 200;
    public const int PhoneLength = 32;
    public const int FacilitiesLength = 2000;
    public const int FirstBudgetYear = 1949;

    public SecrecyOrganizationValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);

        // Evaluated per validation, so a long-running process does not keep yesterday's date.
        DateOnly Today() => LocalDate.Today(clock);

        RuleFor(x => x.Kind)
            .NotNull().WithMessage(l["Choose whether it is a secrecy committee or a secrecy leading group."])
            .IsInEnum().WithMessage(l["Choose whether it is a secrecy committee or a secrecy leading group."]);
        RuleFor(x => x.EstablishedOn)
            .NotNull().WithMessage(l["Enter the date the organization was established."])
            .Must(d => d is null || d <= Today()).WithMessage(l["The date of establishment cannot be in the future."]);
        RuleFor(x => x.OfficeName)
            .MaximumLength(OfficeNameLength).WithMessage(l["Shorten the office name to at most 200 characters."]);
        RuleFor(x => x.OfficeHead)
            .MaximumLength(NameLength).WithMessage(l["Shorten the name to at most 100 characters."]);
        RuleFor(x => x.OfficePhone)
            .MaximumLength(PhoneLength).WithMessage(l["Shorten the phone number to at most 32 characters."])
            .Matches(@"^[0-9+\-() ]*$").WithMessage(l["Enter the phone number with digits, spaces and + - ( ) only."]);
        RuleFor(x => x.AnnualBudget)
            .GreaterThanOrEqualTo(0).WithMessage(l["The budget cannot be negative."]);
        RuleFor(x => x.BudgetYear)
            .NotNull().When(x => x.AnnualBudget is not null).WithMessage(l["Enter the year the budget is for."]);
        RuleFor(x => x.BudgetYear)
            .Must(y => y is null || (y >= FirstBudgetYear && y <= Today().Year + 1))
            .WithMessage(l["Enter a budget year between 1949 and next year."]);
        RuleFor(x => x.AnnualBudget)
            .NotNull().When(x => x.BudgetYear is not null).WithMessage(l["Enter the budget for that year, or clear the year."]);
        RuleFor(x => x.Facilities)
            .MaximumLength(FacilitiesLength).WithMessage(l["Shorten the description to at most 2000 characters."]);

        RuleForEach(x => x.Members).Where(m => m.IsKept).ChildRules(member =>
        {
            member.RuleFor(m => m.Name)
                .NotEmpty().When(m => m.LeaderId is null).WithMessage(l["Choose a leader or enter the member's name."])
                .MaximumLength(NameLength).WithMessage(l["Shorten the name to at most 100 characters."]);
            member.RuleFor(m => m.Position)
                .MaximumLength(NameLength).WithMessage(l["Shorten the position to at most 100 characters."]);
        });

        RuleForEach(x => x.Cadres).Where(c => c.IsKept).ChildRules(cadre =>
        {
            cadre.RuleFor(c => c.Name)
                .NotEmpty().WithMessage(l["Enter the cadre's name."])
                .MaximumLength(NameLength).WithMessage(l["Shorten the name to at most 100 characters."]);
            cadre.RuleFor(c => c.Position)
                .MaximumLength(NameLength).WithMessage(l["Shorten the position to at most 100 characters."]);
            cadre.RuleFor(c => c.LastTrainedOn)
                .Must(d => d is null || d <= Today())
                .WithMessage(l["The training date cannot be in the future."]);
        });
    }
}
