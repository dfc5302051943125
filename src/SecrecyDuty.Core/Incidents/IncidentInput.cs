using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents.Sanctions;

namespace SecrecyDuty.Core.Incidents;

/// <summary>The setting Incidents:ReportingHours: the hours allowed between discovery and the report to the secrecy department.</summary>
public sealed record IncidentSettings(int ReportingHours = IncidentRules.DefaultReportingHours);

/// <summary>A new incident file as the registration form carries it. Times are local (the server's time zone).</summary>
public sealed class IncidentInput
{
    public int UnitId { get; set; }

    public string Title { get; set; } = "";

    public DateOnly? OccurredOn { get; set; }

    public DateTime? DiscoveredAt { get; set; }

    public DateTime? ReportedToSecrecyDepartmentAt { get; set; }

    public Classification? Classification { get; set; }

    public LeakType? LeakType { get; set; }

    public SecretCarrier? Carrier { get; set; }

    public string Description { get; set; } = "";

    public bool RestrictedToNamedAccounts { get; set; }
}

public sealed class IncidentInputValidator : AbstractValidator<IncidentInput>
{
    public IncidentInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage(l["Choose the unit where the incident happened."]);
        RuleFor(x => x.Title)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Give the file a short neutral title."])
            .MaximumLength(200).WithMessage(l["The text has at most {0} characters.", 200]);
        RuleFor(x => x.DiscoveredAt)
            .NotNull().WithMessage(l["Enter when the incident was discovered."])
            .Must(d => d is null || d <= clock.GetLocalNow().DateTime).WithMessage(l["The discovery cannot be in the future."]);
        RuleFor(x => x.OccurredOn)
            .Must((x, d) => d is null || x.DiscoveredAt is null || d <= DateOnly.FromDateTime(x.DiscoveredAt.Value))
            .WithMessage(l["An incident is discovered after it occurred."]);
        RuleFor(x => x.ReportedToSecrecyDepartmentAt)
            .Must((x, r) => r is null || x.DiscoveredAt is null || r >= x.DiscoveredAt).WithMessage(l["The report comes after the discovery."])
            .Must(r => r is null || r <= clock.GetLocalNow().DateTime).WithMessage(l["The report cannot be in the future."]);
        RuleFor(x => x.Classification).NotNull().WithMessage(l["Choose the classification level."]);
        RuleFor(x => x.LeakType).NotNull().WithMessage(l["Choose the kind of leak (Implementing Measures art. 35)."]);
        RuleFor(x => x.Carrier).NotNull().WithMessage(l["Choose the carrier."]);
        RuleFor(x => x.Description)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Describe briefly what happened, without any secret content."])
            .MaximumLength(4000).WithMessage(l["The text has at most {0} characters.", 4000]);
    }
}

/// <summary>
/// What the investigation establishes (arts. 10–16, IM29–IM35): the report to the superior, the severity of circumstances,
/// the losses, the aggravating facts, the illegal gains confiscated and the remedial measures. Times are local.
/// </summary>
public sealed class IncidentAssessmentInput
{
    public DateTime? ReportedToSecrecyDepartmentAt { get; set; }

    public DateTime? ReportedToSuperiorAt { get; set; }

    public CircumstanceSeverity? Severity { get; set; }

    public Loss Loss { get; set; }

    public List<AggravatingFact> AggravatingFacts { get; set; } = [];

    /// <summary>IM34: illegal gains confiscated to the treasury, in yuan.</summary>
    public decimal? IllegalGainsConfiscated { get; set; }

    /// <summary>S6.10: the remedial measures taken and the rectification plan.</summary>
    public string? RemedialMeasures { get; set; }
}

public sealed class IncidentAssessmentInputValidator : AbstractValidator<IncidentAssessmentInput>
{
    /// <summary>A bound the column (18, 2) holds with room; no real confiscation comes near it.</summary>
    public const decimal MaximumAmount = 1_000_000_000_000m;

    public IncidentAssessmentInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.ReportedToSecrecyDepartmentAt)
            .Must(r => r is null || r <= clock.GetLocalNow().DateTime).WithMessage(l["The report cannot be in the future."]);
        RuleFor(x => x.ReportedToSuperiorAt)
            .Must(r => r is null || r <= clock.GetLocalNow().DateTime).WithMessage(l["The report cannot be in the future."]);
        RuleFor(x => x.Loss).IsInEnum().WithMessage(l["Choose the losses."]);
        RuleForEach(x => x.AggravatingFacts).IsInEnum().WithMessage(l["Choose the aggravating facts from the list."]);
        RuleFor(x => x.IllegalGainsConfiscated)
            .Must(v => v is null or (>= 0 and <= MaximumAmount)).WithMessage(l["Enter the amount in yuan, zero or more."]);
        RuleFor(x => x.RemedialMeasures).MaximumLength(4000).WithMessage(l["The text has at most {0} characters.", 4000]);
    }
}

/// <summary>
/// A person involved: a leader through a posting of the unit that held at the time, or another person by name and post,
/// with the relation to a leader where it matters (art. 14).
/// </summary>
public sealed class IncidentPersonInput
{
    /// <summary>The leader's posting in the unit at the time; null for another person.</summary>
    public int? PostingId { get; set; }

    public string? Name { get; set; }

    public string? Post { get; set; }

    /// <summary>
    /// For a leader whose staff, spouse or child leaked (art. 14), who leaked; for another person, the relation to the
    /// leader of <see cref="RelatedPostingId"/>.
    /// </summary>
    public RelatedPerson? Relation { get; set; }

    public int? RelatedPostingId { get; set; }

    public Involvement? Involvement { get; set; }

    public bool IsPartyMember { get; set; }

    /// <summary>Art. 16: the leader proved proper performance of the duties; only a leader can.</summary>
    public bool ProvedProperPerformance { get; set; }
}

public sealed class IncidentPersonInputValidator : AbstractValidator<IncidentPersonInput>
{
    public IncidentPersonInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Involvement).NotNull().WithMessage(l["Choose how the person is involved."]);
        When(x => x.PostingId is null, () =>
        {
            RuleFor(x => x.Name)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Choose the leader's posting, or give the other person's name."])
                .MaximumLength(100).WithMessage(l["The text has at most {0} characters.", 100]);
            RuleFor(x => x.Post).MaximumLength(200).WithMessage(l["The text has at most {0} characters.", 200]);
            RuleFor(x => x.Involvement)
                .Must(i => i is not (Sanctions.Involvement.RelatedPersonLeak or Sanctions.Involvement.LeadershipFailure))
                .WithMessage(l["Only a leader answers for a related person's leak (art. 14) or for failing to lead secrecy work (arts. 11, 16)."]);
            RuleFor(x => x.ProvedProperPerformance).Equal(false).WithMessage(l["Only a leader proves proper performance of the duties (art. 16)."]);
            RuleFor(x => x.RelatedPostingId)
                .NotNull().When(x => x.Relation is not null).WithMessage(l["Choose the leader the person is related to."]);
            RuleFor(x => x.Relation)
                .NotNull().When(x => x.RelatedPostingId is not null).WithMessage(l["Say how the person is related to the leader."]);
        });
        When(x => x.PostingId is not null, () =>
        {
            RuleFor(x => x.Name).Must(string.IsNullOrWhiteSpace).WithMessage(l["A leader is named by the posting: leave the name empty."]);
            RuleFor(x => x.RelatedPostingId).Null().WithMessage(l["A leader's own relation is recorded only for a related person's leak: say who leaked."]);
            RuleFor(x => x.Relation)
                .NotNull().When(x => x.Involvement == Sanctions.Involvement.RelatedPersonLeak)
                .WithMessage(l["Say who leaked: the leader's staff, spouse or child (art. 14)."]);
            RuleFor(x => x.Relation)
                .Null().When(x => x.Involvement != Sanctions.Involvement.RelatedPersonLeak)
                .WithMessage(l["Who leaked is recorded only for a related person's leak (art. 14)."]);
        });
    }
}

/// <summary>The decision on a person: the administrative sanction and the Party sanction (none is a decision), when and by which document.</summary>
public sealed class SanctionDecisionInput
{
    public AdministrativeSanction? Administrative { get; set; }

    public PartySanction? Party { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string DocumentNumber { get; set; } = "";

    /// <summary>Required when the decision lies outside the guidance's range.</summary>
    public string? Justification { get; set; }
}

public sealed class SanctionDecisionInputValidator : AbstractValidator<SanctionDecisionInput>
{
    public SanctionDecisionInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Administrative).IsInEnum().WithMessage(l["Choose a sanction from the list."]);
        RuleFor(x => x.Party).IsInEnum().WithMessage(l["Choose a sanction from the list."]);
        RuleFor(x => x.DecidedOn)
            .NotNull().WithMessage(l["Enter the decision date."])
            .Must(d => d is null || d <= LocalDate.Today(clock)).WithMessage(l["The decision date cannot be in the future."]);
        RuleFor(x => x.DocumentNumber)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the decision's document number."])
            .MaximumLength(100).WithMessage(l["The text has at most {0} characters.", 100]);
        RuleFor(x => x.Justification).MaximumLength(4000).WithMessage(l["The text has at most {0} characters.", 4000]);
    }
}

/// <summary>An account named on a file: on a need-to-know file, or a leader asked for a statement.</summary>
public sealed class IncidentGrantInput
{
    /// <summary>The longest user name an account can have (Identity's column).</summary>
    public const int UserNameMaxLength = 256;

    /// <summary>Trimmed; a field left empty binds as null and reads as empty.</summary>
    public string UserName { get; set => field = value?.Trim() ?? ""; } = "";
}

public sealed class IncidentGrantInputValidator : AbstractValidator<IncidentGrantInput>
{
    public IncidentGrantInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.UserName)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(l["Enter the user name of the account to name on the file."])
            .MaximumLength(IncidentGrantInput.UserNameMaxLength).WithMessage(l["No account of that user name in your jurisdiction."]);
    }
}
