using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections;

/// <summary>An inspection as its planning form carries it.</summary>
public sealed class InspectionInput
{
    public int UnitId { get; set; }

    /// <summary>Nullable so that "not chosen" is told apart from the first body.</summary>
    public InspectingBody? Body { get; set; }

    /// <summary>The inspecting body's unit; ignored for a self-inspection (the inspected unit itself).</summary>
    public int? BodyUnitId { get; set; }

    public InspectionKind? Kind { get; set; }

    public DateOnly? PlannedOn { get; set; }

    public string Scope { get; set; } = "";

    public string? Method { get; set; }

    /// <summary>The inspectors' account ids.</summary>
    public List<string> InspectorIds { get; set; } = [];

    /// <summary>The inspecting unit as stored: the inspected unit itself for a self-inspection.</summary>
    public int EffectiveBodyUnitId => Body == InspectingBody.OwnSecrecyOrganization ? UnitId : BodyUnitId ?? 0;

    internal static InspectionInput From(Inspection inspection) => new()
    {
        UnitId = inspection.UnitId,
        Body = inspection.Body,
        BodyUnitId = inspection.BodyUnitId,
        Kind = inspection.Kind,
        PlannedOn = inspection.PlannedOn,
        Scope = inspection.Scope,
        Method = inspection.Method,
        InspectorIds = [.. inspection.Inspectors.Select(i => i.UserId)],
    };

    internal void ApplyTo(Inspection inspection)
    {
        inspection.UnitId = UnitId;
        inspection.Body = Body ?? InspectingBody.SuperiorOrgan;
        inspection.BodyUnitId = EffectiveBodyUnitId;
        inspection.Kind = Kind ?? InspectionKind.Routine;
        inspection.PlannedOn = PlannedOn ?? DateOnly.MinValue;
        inspection.Scope = Scope.Trim();
        inspection.Method = Text.Clean(Method);
    }
}

public sealed class InspectionInputValidator : AbstractValidator<InspectionInput>
{
    public InspectionInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage(l["Choose the inspected unit."]);
        RuleFor(x => x.Body)
            .NotNull().WithMessage(l["Choose the inspecting body."])
            .IsInEnum().WithMessage(l["Choose the inspecting body."]);
        RuleFor(x => x.BodyUnitId)
            .NotNull().WithMessage(l["Choose the unit of the inspecting body."])
            .When(x => x.Body is InspectingBody.SuperiorOrgan or InspectingBody.SecrecyDepartment);
        RuleFor(x => x.Kind)
            .NotNull().WithMessage(l["Choose the kind of inspection."])
            .IsInEnum().WithMessage(l["Choose the kind of inspection."]);
        RuleFor(x => x.PlannedOn).NotNull().WithMessage(l["Enter the date the inspection is planned for."]);
        RuleFor(x => x.Scope)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter what the inspection covers."])
            .MaximumLength(InspectionLimits.ScopeMaxLength).WithMessage(l["The scope has at most {0} characters.", InspectionLimits.ScopeMaxLength]);
        RuleFor(x => x.Method)
            .MaximumLength(InspectionLimits.TextMaxLength).WithMessage(l["The method has at most {0} characters.", InspectionLimits.TextMaxLength]);
        RuleFor(x => x.InspectorIds)
            .Must(ids => ids.Count > 0).WithMessage(l["Choose at least one inspector."]);
    }
}

/// <summary>Starting an inspection: the day it began.</summary>
public sealed class InspectionStartInput
{
    public DateOnly? StartedOn { get; set; }
}

/// <summary>Completing an inspection: its conclusion and the day it ended.</summary>
public sealed class InspectionCompletionInput
{
    public DateOnly? CompletedOn { get; set; }

    public string Conclusion { get; set; } = "";
}

public sealed class InspectionCompletionValidator : AbstractValidator<InspectionCompletionInput>
{
    public InspectionCompletionValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.CompletedOn)
            .NotNull().WithMessage(l["Enter the day the inspection ended."])
            .Must(d => d is null || d <= LocalDate.Today(clock)).WithMessage(l["The day the inspection ended cannot be in the future."]);
        RuleFor(x => x.Conclusion)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the inspection's conclusion."])
            .MaximumLength(InspectionLimits.TextMaxLength).WithMessage(l["The conclusion has at most {0} characters.", InspectionLimits.TextMaxLength]);
    }
}

/// <summary>A finding as its form carries it, with the consequences art. 15 allows the inspecting body.</summary>
public sealed class FindingInput
{
    /// <summary>Value of <see cref="DeficiencyCode"/> for a deficiency outside art. 15's list.</summary>
    public const string Other = "other";

    /// <summary>D15.1–D15.8, or <see cref="Other"/>.</summary>
    public string? DeficiencyCode { get; set; }

    public string? OtherDeficiency { get; set; }

    public string Description { get; set; } = "";

    public FindingSeverity? Severity { get; set; }

    public string? EvidenceSeen { get; set; }

    /// <summary>The postings that answer for the finding; each must have held on the inspection date.</summary>
    public List<int> PostingIds { get; set; } = [];

    public string? CorrectionRecommendation { get; set; }

    public DateOnly? CriticismCirculatedOn { get; set; }

    public string? CriticismDocumentNumber { get; set; }

    public bool IsOther => DeficiencyCode == Other;

    internal static FindingInput From(Finding finding) => new()
    {
        DeficiencyCode = finding.DeficiencyCode ?? Other,
        OtherDeficiency = finding.OtherDeficiency,
        Description = finding.Description,
        Severity = finding.Severity,
        EvidenceSeen = finding.EvidenceSeen,
        PostingIds = [.. finding.ResponsiblePostings.Select(p => p.PostingId)],
        CorrectionRecommendation = finding.CorrectionRecommendation,
        CriticismCirculatedOn = finding.CriticismCirculatedOn,
        CriticismDocumentNumber = finding.CriticismDocumentNumber,
    };

    internal void ApplyTo(Finding finding)
    {
        finding.DeficiencyCode = IsOther ? null : DeficiencyCode;
        finding.OtherDeficiency = IsOther ? Text.Clean(OtherDeficiency) : null;
        finding.Description = Description.Trim();
        finding.Severity = Severity ?? FindingSeverity.Ordinary;
        finding.EvidenceSeen = Text.Clean(EvidenceSeen);
        finding.CorrectionRecommendation = Text.Clean(CorrectionRecommendation);
        finding.CriticismCirculatedOn = CriticismCirculatedOn;
        finding.CriticismDocumentNumber = Text.Clean(CriticismDocumentNumber);
    }
}

public sealed class FindingInputValidator : AbstractValidator<FindingInput>
{
    public FindingInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.DeficiencyCode)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Choose the deficiency (D15.1–D15.8), or other."]);
        RuleFor(x => x.OtherDeficiency)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Say what the other deficiency is."])
            .When(x => x.IsOther);
        RuleFor(x => x.OtherDeficiency)
            .MaximumLength(InspectionLimits.ShortTextMaxLength).WithMessage(l["The deficiency has at most {0} characters.", InspectionLimits.ShortTextMaxLength]);
        RuleFor(x => x.Description)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Describe what was found."])
            .MaximumLength(InspectionLimits.TextMaxLength).WithMessage(l["The description has at most {0} characters.", InspectionLimits.TextMaxLength]);
        RuleFor(x => x.Severity)
            .NotNull().WithMessage(l["Choose the severity."])
            .IsInEnum().WithMessage(l["Choose the severity."]);
        RuleFor(x => x.EvidenceSeen)
            .MaximumLength(InspectionLimits.TextMaxLength).WithMessage(l["The evidence has at most {0} characters.", InspectionLimits.TextMaxLength]);
        RuleFor(x => x.CorrectionRecommendation)
            .MaximumLength(InspectionLimits.TextMaxLength).WithMessage(l["The recommendation has at most {0} characters.", InspectionLimits.TextMaxLength]);

        // A circulated criticism is identified by its date and document number together.
        RuleFor(x => x.CriticismDocumentNumber)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the document number of the circulated criticism."])
            .When(x => x.CriticismCirculatedOn is not null);
        RuleFor(x => x.CriticismDocumentNumber)
            .MaximumLength(InspectionLimits.DocumentNumberMaxLength).WithMessage(l["A document number has at most {0} characters.", InspectionLimits.DocumentNumberMaxLength]);
        RuleFor(x => x.CriticismCirculatedOn)
            .NotNull().WithMessage(l["Enter the date the criticism was circulated."])
            .When(x => !string.IsNullOrWhiteSpace(x.CriticismDocumentNumber));
        RuleFor(x => x.CriticismCirculatedOn)
            .Must(d => d is null || d <= LocalDate.Today(clock)).WithMessage(l["The date the criticism was circulated cannot be in the future."]);
    }
}

/// <summary>A rectification order as the inspector issues it.</summary>
public sealed class RectificationOrderInput
{
    public DateOnly? Deadline { get; set; }

    public string Requirements { get; set; } = "";
}

public sealed class RectificationOrderValidator : AbstractValidator<RectificationOrderInput>
{
    public RectificationOrderValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Deadline)
            .NotNull().WithMessage(l["Enter the deadline for the rectification."])
            .Must(d => d is null || RectificationRules.IsValidDeadline(LocalDate.Today(clock), d.Value))
            .WithMessage(l["The deadline must lie after today."]);
        RuleFor(x => x.Requirements)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Say what the unit must rectify."])
            .MaximumLength(InspectionLimits.TextMaxLength).WithMessage(l["The requirements have at most {0} characters.", InspectionLimits.TextMaxLength]);
    }
}

/// <summary>The unit's report of its rectification, or the inspector's reason for sending it back.</summary>
public sealed class RectificationNoteInput
{
    public string Note { get; set; } = "";
}

public sealed class RectificationNoteValidator : AbstractValidator<RectificationNoteInput>
{
    public RectificationNoteValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Note)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Say what was done, or why it is not enough."])
            .MaximumLength(InspectionLimits.TextMaxLength).WithMessage(l["The text has at most {0} characters.", InspectionLimits.TextMaxLength]);
    }
}
