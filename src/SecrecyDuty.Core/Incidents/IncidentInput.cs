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
