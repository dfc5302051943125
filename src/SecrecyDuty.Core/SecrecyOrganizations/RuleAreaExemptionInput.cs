using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>
/// Marking a rule area of S6.6 not applicable to a unit: the rules are made "结合本单位工作特点", so the secrecy office
/// records why the unit needs none in that area.
/// </summary>
public sealed class RuleAreaExemptionInput
{
    public string? Reason { get; set; }
}

public sealed class RuleAreaExemptionValidator : AbstractValidator<RuleAreaExemptionInput>
{
    public const int ReasonLength = 500;

    public RuleAreaExemptionValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Reason)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(l["Give the reason this rule area does not apply to the unit."])
            .Must(r => r is null || r.Trim().Length <= ReasonLength).WithMessage(l["Shorten the reason to at most 500 characters."]);
    }
}
