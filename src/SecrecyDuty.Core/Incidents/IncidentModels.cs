using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Core.Incidents;

public sealed record IncidentListItem(
    int Id,
    string Title,
    InspectionUnit Unit,
    Classification Classification,
    IncidentStatus Status,
    DateTime DiscoveredAtUtc,
    DateTime? ReportedToSecrecyDepartmentAtUtc,
    ReportClockState Clock);

public sealed record IncidentStep(IncidentAction Action, IncidentStatus ToStatus, DateTime AtUtc, string By, string? Note);

public sealed record IncidentOpened(string UserName, DateTime AtUtc);

/// <summary>An incident file as it is opened: its fields, the reporting clock, its history, who opened it, and what the account may do.</summary>
public sealed record IncidentDetails(
    int Id,
    string Title,
    InspectionUnit Unit,
    DateOnly? OccurredOn,
    DateTime DiscoveredAtUtc,
    DateTime? ReportedToSecrecyDepartmentAtUtc,
    DateTime ReportDeadlineUtc,
    ReportClockState Clock,
    Classification Classification,
    LeakType LeakType,
    SecretCarrier Carrier,
    string Description,
    IncidentStatus Status,
    bool RestrictedToNamedAccounts,
    IReadOnlyList<IncidentStep> History,
    IReadOnlyList<IncidentOpened> Openings,
    IReadOnlyList<IncidentAction> NextSteps)
{
    /// <summary>A late report suggests finding D15.8 for the unit.</summary>
    public bool SuggestsLateReportFinding => IncidentRules.SuggestsLateReportFinding(Clock);
}
