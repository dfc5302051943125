using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Inspections;

/// <summary>An account that may be chosen as inspector.</summary>
public sealed record InspectorChoice(string UserId, string DisplayName, string UnitName);

/// <summary>A unit as an inspection names it.</summary>
public sealed record InspectionUnit(int Id, string Code, string Name);

/// <summary>What the planning form needs beside its input: the names of what is already chosen.</summary>
public sealed record InspectionForm(
    int? InspectionId,
    InspectionInput Input,
    InspectionUnit? Unit,
    InspectionUnit? BodyUnit,
    IReadOnlyList<InspectorChoice> Inspectors,
    int Version = Common.Versions.None);

public sealed record ResponsiblePosting(int PostingId, int LeaderId, string LeaderName, PostingRole Role, bool LeadsSecrecyWork, string Title);

public sealed record OrderSummary(
    int Id,
    DateOnly IssuedOn,
    DateOnly Deadline,
    string Requirements,
    RectificationStatus Status,
    DateOnly? ReportedOn,
    DateOnly? VerifiedOn)
{
    public bool IsOverdueOn(DateOnly today) => RectificationRules.IsOverdue(Status, Deadline, today);
}

public sealed record FindingItem(
    int Id,
    string? DeficiencyCode,
    string? OtherDeficiency,
    string Description,
    FindingSeverity Severity,
    string? EvidenceSeen,
    IReadOnlyList<ResponsiblePosting> Responsible,
    string? CorrectionRecommendation,
    DateOnly? CriticismCirculatedOn,
    string? CriticismDocumentNumber,
    OrderSummary? Order,
    int Version);

public sealed record InspectionDetails(
    int Id,
    InspectionUnit Unit,
    InspectingBody Body,
    InspectionUnit BodyUnit,
    InspectionKind Kind,
    InspectionStatus Status,
    DateOnly PlannedOn,
    DateOnly? StartedOn,
    DateOnly? CompletedOn,
    string Scope,
    string? Method,
    string? Conclusion,
    IReadOnlyList<InspectorChoice> Inspectors,
    IReadOnlyList<FindingItem> Findings,
    DateOnly Today,
    bool CanConduct,
    int Version)
{
    /// <summary>The date the findings speak of (the postings responsible held on it).</summary>
    public DateOnly InspectionDate => InspectionRules.InspectionDate(PlannedOn, StartedOn);

    public bool CanChangeFindings => CanConduct && Status == InspectionStatus.InProgress;

    /// <summary>The score kept by the inspection's score sheet; null when it was not scored.</summary>
    public Scoring.ScoreSummary? Score { get; init; }
}

/// <summary>A posting the finding form offers: it held on the inspection date; suggested when its role is concerned.</summary>
public sealed record FindingCandidate(int PostingId, string LeaderName, PostingRole Role, bool LeadsSecrecyWork, string Title, bool Suggested);

public sealed record DeficiencyChoice(string Code, string Text, string SummaryEn);

public sealed record FindingForm(
    int InspectionId,
    int? FindingId,
    InspectionUnit Unit,
    InspectingBody Body,
    DateOnly InspectionDate,
    FindingInput Input,
    IReadOnlyList<DeficiencyChoice> Deficiencies,
    IReadOnlyList<FindingCandidate> Candidates,
    int Version = Common.Versions.None)
{
    public bool AllowsRecommendation => InspectionRules.Allows(Body, FindingConsequence.CorrectionRecommendation);

    public bool AllowsCriticism => InspectionRules.Allows(Body, FindingConsequence.CirculatedCriticism);
}

public sealed record OrderTransition(RectificationAction Action, RectificationStatus ToStatus, DateTime AtUtc, string By, string? Note);

public sealed record OrderEvidence(int Id, string FileName, string ContentType, long Size, DateTime UploadedAtUtc, string UploadedBy);

public sealed record OrderDetails(
    int Id,
    int InspectionId,
    InspectionUnit Unit,
    InspectingBody Body,
    InspectionUnit BodyUnit,
    int FindingId,
    string? DeficiencyCode,
    string? OtherDeficiency,
    string FindingDescription,
    OrderSummary Order,
    string? Report,
    IReadOnlyList<OrderTransition> Transitions,
    IReadOnlyList<OrderEvidence> Evidence,
    DateOnly Today,
    bool CanReport,
    bool CanReview,
    int Version)
{
    public bool IsOverdue => Order.IsOverdueOn(Today);

    public int DaysLeft => RectificationRules.DaysLeft(Order.Deadline, Today);
}

/// <summary>An order past its deadline, as a dashboard lists it.</summary>
public sealed record OverdueOrder(int Id, int UnitId, string UnitName, string? DeficiencyCode, DateOnly Deadline, int DaysOverdue);

/// <summary>The rectification orders of the jurisdiction that still need someone: the dashboards' counts (art. 15).</summary>
public sealed record RectificationWork(int Open, int Overdue, int AwaitingVerification, IReadOnlyList<OverdueOrder> MostOverdue)
{
    public bool Any => Open + AwaitingVerification > 0;
}
