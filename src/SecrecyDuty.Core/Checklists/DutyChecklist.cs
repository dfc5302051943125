using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Checklists;

public enum ChecklistStatus
{
    /// <summary>The leader is working through it.</summary>
    Open,

    /// <summary>Submitted by the leader: read-only until reviewed or returned.</summary>
    Submitted,

    /// <summary>Returned by the secrecy office for changes: editable again.</summary>
    Returned,

    /// <summary>Reviewed, with the secrecy organization's opinion.</summary>
    Reviewed,
}

public enum ChecklistItemStatus
{
    NotStarted,
    InProgress,
    Fulfilled,

    /// <summary>Not applicable: a reason is required.</summary>
    NotApplicable,
}

/// <summary>A posting's duty checklist for a year: its role's items plus C4.1–C4.10 (arts. 4–7).</summary>
public class DutyChecklist : IAudited, IVersioned
{
    public int Id { get; set; }

    public int PostingId { get; set; }

    public Posting? Posting { get; set; }

    /// <summary>Denormalized from the posting so that jurisdiction filters are one join.</summary>
    public int UnitId { get; set; }

    public int Year { get; set; }

    /// <summary>The regulation version the items were generated from.</summary>
    public int RegulationId { get; set; }

    public ChecklistStatus Status { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedBy { get; set; }

    /// <summary>The secrecy organization's opinion (art. 9), written by the secrecy office at review or return.</summary>
    public string? OrganizationOpinion { get; set; }

    public ICollection<DutyChecklistItem> Items { get; set; } = [];

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

public class DutyChecklistItem : IAudited
{
    public int Id { get; set; }

    public int ChecklistId { get; set; }

    public int DutyItemId { get; set; }

    public DutyItem? DutyItem { get; set; }

    public ChecklistItemStatus Status { get; set; }

    public string? NotApplicableReason { get; set; }

    public string? SelfAssessment { get; set; }

    int? IAudited.AuditUnitId => null;
}
