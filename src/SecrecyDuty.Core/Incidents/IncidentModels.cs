using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Incidents;

/// <summary>The incident list's filter: status, and a text matched against the title and the unit's name or code.</summary>
public sealed record IncidentFilter(IncidentStatus? Status = null, string? Search = null);

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

/// <summary>The decision recorded on a person.</summary>
public sealed record SanctionDecisionView(
    AdministrativeSanction? Administrative,
    PartySanction? Party,
    DateOnly DecidedOn,
    string DocumentNumber,
    bool OutsideGuidance,
    string? Justification,
    string RecordedBy);

/// <summary>A person of a file as the file shows it, with the guidance (once the file can be read) and the decision.</summary>
public sealed record IncidentPersonView(
    int Id,
    string Name,
    string? Post,
    PostingRole? PostingRole,
    PersonRole Role,
    RelatedPerson? Relation,
    string? RelatedLeaderName,
    Involvement Involvement,
    bool IsPartyMember,
    bool ProvedProperPerformance,
    PersonGuidance? Guidance,
    SanctionDecisionView? Decision);

/// <summary>An inspection finding linked to the file.</summary>
public sealed record IncidentLinkedFinding(int FindingId, int InspectionId, string? DeficiencyCode, string Description, DateOnly InspectedOn);

/// <summary>A proposal to the cadre-management organ resting on the file (art. 17).</summary>
public sealed record IncidentProposal(int Id, ProposalKind Kind, string LeaderName, DateOnly SentOn, DateOnly FeedbackDueOn, ProposalState State);

/// <summary>An account named on the file.</summary>
public sealed record IncidentGrantee(string UserId, string UserName, string? FullName);

/// <summary>An incident file as it is opened: its fields, the reporting clock, the persons with their guidance, its history, who opened it, and what the account may do.</summary>
public sealed record IncidentDetails(
    int Id,
    string Title,
    InspectionUnit Unit,
    DateOnly? OccurredOn,
    DateTime DiscoveredAtUtc,
    DateTime? ReportedToSecrecyDepartmentAtUtc,
    DateTime? ReportedToSuperiorAtUtc,
    DateTime ReportDeadlineUtc,
    ReportClockState Clock,
    Classification Classification,
    LeakType LeakType,
    SecretCarrier Carrier,
    string Description,
    CircumstanceSeverity? Severity,
    Loss Loss,
    IReadOnlyList<AggravatingFact> AggravatingFacts,
    decimal? IllegalGainsConfiscated,
    string? RemedialMeasures,
    IncidentStatus Status,
    bool RestrictedToNamedAccounts,
    string CreatedBy,
    IReadOnlyList<IncidentPersonView> Persons,
    IReadOnlyList<IncidentLinkedFinding> LinkedFindings,
    IReadOnlyList<IncidentProposal> Proposals,
    IReadOnlyList<IncidentGrantee> Grantees,
    IReadOnlyList<IncidentStep> History,
    IReadOnlyList<IncidentOpened> Openings,
    IReadOnlyList<IncidentAction> NextSteps,
    IncidentPermissions May,
    int Version)
{
    /// <summary>A late report suggests finding D15.8 for the unit.</summary>
    public bool SuggestsLateReportFinding => IncidentRules.SuggestsLateReportFinding(Clock);

    /// <summary>The guidance waits for the severity of circumstances to be assessed.</summary>
    public bool GuidanceWaitsForSeverity => Severity is null;
}

/// <summary>What the account may do on an opened file.</summary>
public sealed record IncidentPermissions(bool ReadsByRole, bool Edit, bool Decide, bool Propose);

/// <summary>A posting of the file's unit that held at the time, to choose a leader involved.</summary>
public sealed record IncidentPostingChoice(int PostingId, string LeaderName, string Title, PostingRole Role);

/// <summary>A finding of an inspection of the file's unit, to link.</summary>
public sealed record IncidentFindingChoice(int FindingId, string? DeficiencyCode, string Description, DateOnly InspectedOn);

/// <summary>What the forms on a file offer: the postings that held at the time and the unit's findings not yet linked.</summary>
public sealed record IncidentChoices(int IncidentId, string Title, IncidentStatus Status, IReadOnlyList<IncidentPostingChoice> Postings, IReadOnlyList<IncidentFindingChoice> Findings);

/// <summary>The decision form on a person: who, the guidance, and the decision recorded so far.</summary>
/// <summary><paramref name="Version"/>: the stored decision's, or <see cref="Common.Versions.None"/> while none is recorded.</summary>
public sealed record SanctionDecisionForm(int IncidentId, string IncidentTitle, IncidentPersonView Person, int Version);

/// <summary>The registration form: what is entered, the unit chosen so far (for the picker), and the hours allowed for the report.</summary>
public sealed record IncidentForm(IncidentInput Input, UnitLookupItem? Unit, int ReportingHours);
