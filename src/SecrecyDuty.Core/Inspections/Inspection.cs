using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Inspections;

/// <summary>Art. 8: who supervises and inspects the leaders' performance of their secrecy duties.</summary>
public enum InspectingBody
{
    /// <summary>A superior organ (上级机关) of the inspected unit.</summary>
    SuperiorOrgan,

    /// <summary>The secrecy department at the same level (同级保密部门).</summary>
    SecrecyDepartment,

    /// <summary>The unit's own secrecy organization: a self-inspection (本单位保密组织).</summary>
    OwnSecrecyOrganization,
}

public enum InspectionKind
{
    Routine,
    Special,

    /// <summary>Re-inspects how earlier findings were rectified.</summary>
    FollowUp,
}

public enum InspectionStatus
{
    Planned,
    InProgress,
    Completed,
}

/// <summary>An inspection of one unit's secrecy work by one of the bodies of art. 8.</summary>
public class Inspection : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>The inspected unit.</summary>
    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public InspectingBody Body { get; set; }

    /// <summary>The unit the inspecting body belongs to; the inspected unit itself for a self-inspection.</summary>
    public int BodyUnitId { get; set; }

    public Unit? BodyUnit { get; set; }

    public InspectionKind Kind { get; set; }

    public InspectionStatus Status { get; set; }

    public DateOnly PlannedOn { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>What is inspected (for instance "the leaders' secrecy responsibility, 2026").</summary>
    public string Scope { get; set; } = "";

    /// <summary>How (hearing reports, reading records, spot checks of computers…).</summary>
    public string? Method { get; set; }

    /// <summary>The overall conclusion, required to complete the inspection.</summary>
    public string? Conclusion { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public ICollection<InspectionInspector> Inspectors { get; set; } = [];

    public ICollection<Finding> Findings { get; set; } = [];

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>An account taking part in an inspection as inspector.</summary>
public class InspectionInspector : IAudited
{
    public int InspectionId { get; set; }

    public string UserId { get; set; } = "";

    // Who inspects is part of the inspection: in the trail under the inspected unit.
    int? IAudited.AuditUnitId => null;
}

public enum FindingSeverity
{
    Minor,
    Ordinary,
    Serious,
}

/// <summary>A deficiency of art. 15 found by an inspection.</summary>
public class Finding : IAudited, IVersioned
{
    public int Id { get; set; }

    public int InspectionId { get; set; }

    public Inspection? Inspection { get; set; }

    /// <summary>Denormalized from the inspection so that jurisdiction filters are one join.</summary>
    public int UnitId { get; set; }

    /// <summary>D15.1–D15.8 from the catalogue; null for a deficiency outside art. 15's list ("other").</summary>
    public string? DeficiencyCode { get; set; }

    /// <summary>What the "other" deficiency is; required when <see cref="DeficiencyCode"/> is null.</summary>
    public string? OtherDeficiency { get; set; }

    public string Description { get; set; } = "";

    public FindingSeverity Severity { get; set; }

    /// <summary>The evidence seen (records read, places visited); never secret content.</summary>
    public string? EvidenceSeen { get; set; }

    /// <summary>Art. 15: the unit's secrecy organization recommends the correction (only at a self-inspection).</summary>
    public string? CorrectionRecommendation { get; set; }

    /// <summary>Art. 15: circulated criticism (通报批评) by a superior organ or secrecy department: its date.</summary>
    public DateOnly? CriticismCirculatedOn { get; set; }

    /// <summary>The document number of the circulated criticism (for instance 示保办〔2026〕12号).</summary>
    public string? CriticismDocumentNumber { get; set; }

    public ICollection<FindingPosting> ResponsiblePostings { get; set; } = [];

    public RectificationOrder? Order { get; set; }

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>A posting responsible for a finding: it held on the inspection date.</summary>
public class FindingPosting : IAudited
{
    public int FindingId { get; set; }

    public int PostingId { get; set; }

    public Posting? Posting { get; set; }

    // Who answers for a finding is part of it: in the trail under the inspected unit.
    int? IAudited.AuditUnitId => null;
}
