using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Proposals;

/// <summary>Art. 17: what a proposal asks the cadre-management organ for.</summary>
public enum ProposalKind
{
    Commendation,
    Sanction,
}

/// <summary>Art. 17: who proposes: the secrecy department, or the unit's secrecy organization.</summary>
public enum ProposingBody
{
    SecrecyDepartment,
    SecrecyOrganization,
}

/// <summary>What the proposal rests on.</summary>
public enum ProposalBasis
{
    Incident,
    Appraisal,
    Inspection,
    Other,
}

/// <summary>
/// Art. 17: a proposal to commend or sanction a leader, sent by the secrecy department or the secrecy organization to
/// the organ holding cadre-management authority, which answers it. Open until its feedback is recorded.
/// </summary>
public class Proposal : IAudited, IVersioned
{
    public int Id { get; set; }

    public ProposalKind Kind { get; set; }

    public int LeaderId { get; set; }

    public Leader? Leader { get; set; }

    /// <summary>The leader's unit when the proposal was sent, for jurisdiction.</summary>
    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public ProposingBody Body { get; set; }

    public int BodyUnitId { get; set; }

    public Unit? BodyUnit { get; set; }

    /// <summary>The organ holding cadre-management authority (干部管理权限的机关), as it is named.</summary>
    public string Recipient { get; set; } = "";

    public ProposalBasis Basis { get; set; }

    /// <summary>The record the proposal rests on, in words (the incident file, the appraisal, the inspection and its findings).</summary>
    public string BasisDescription { get; set; } = "";

    /// <summary>The incident file a sanction proposal rests on, when it does.</summary>
    public int? IncidentId { get; set; }

    /// <summary>What is proposed, and why.</summary>
    public string Content { get; set; } = "";

    public string? DocumentNumber { get; set; }

    public DateOnly SentOn { get; set; }

    public DateOnly FeedbackDueOn { get; set; }

    public string? Feedback { get; set; }

    public DateOnly? FeedbackOn { get; set; }

    public string? FeedbackRecordedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>Art. 10: a commendation of a leader or of a unit.</summary>
public class Commendation : IAudited
{
    public int Id { get; set; }

    /// <summary>The unit commended, or the commended leader's unit.</summary>
    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>The leader commended; null when the unit is.</summary>
    public int? LeaderId { get; set; }

    public Leader? Leader { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>The body that issued the commendation, as it is named.</summary>
    public string IssuedBy { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public string? DocumentNumber { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    int? IAudited.AuditUnitId => UnitId;
}
