using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Appraisals;

/// <summary>The leader's own part: the secrecy section of the annual duty report (述职, art. 9).</summary>
public sealed class DutyReportInput
{
    public string? DutyReportSection { get; set; }
}

/// <summary>The secrecy office's part: the opinion of the leader's unit secrecy organization, which the appraising department hears (art. 9).</summary>
public sealed class OrganizationOpinionInput
{
    public string? OrganizationOpinion { get; set; }
}

/// <summary>The cadre official's part: the appraisal grade and any commendation (arts. 9–10).</summary>
public sealed class AppraisalDecisionInput
{
    public AppraisalGrade? Grade { get; set; }

    public string? Commendation { get; set; }
}

public sealed class DutyReportValidator : AbstractValidator<DutyReportInput>
{
    public DutyReportValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.DutyReportSection)
            .NotEmpty().WithMessage(l["Write how you carried out your secrecy duties this year."])
            .MaximumLength(AppraisalLimits.DutyReportSection).WithMessage(l["Shorten the duty report section to at most {0} characters.", AppraisalLimits.DutyReportSection]);
    }
}

public sealed class OrganizationOpinionValidator : AbstractValidator<OrganizationOpinionInput>
{
    public OrganizationOpinionValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.OrganizationOpinion)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage(l["Enter the secrecy organization's opinion of how the leader carried out the responsibility system."])
            .MaximumLength(AppraisalLimits.OrganizationOpinion).WithMessage(l["Shorten the secrecy organization's opinion to at most {0} characters.", AppraisalLimits.OrganizationOpinion]);
    }
}

public sealed class AppraisalDecisionValidator : AbstractValidator<AppraisalDecisionInput>
{
    public AppraisalDecisionValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Grade)
            .IsInEnum().WithMessage(l["Choose one of the appraisal grades."]);
        RuleFor(x => x.Commendation)
            .MaximumLength(AppraisalLimits.Commendation).WithMessage(l["Shorten the commendation to at most {0} characters.", AppraisalLimits.Commendation]);
    }
}
