using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections;

public enum RectificationStatus
{
    /// <summary>Issued: the unit must rectify by the deadline.</summary>
    Open,

    /// <summary>The unit reported its rectification; the inspector has to verify it.</summary>
    Reported,

    /// <summary>The inspector found the report insufficient: the unit must rectify and report again.</summary>
    SentBack,

    /// <summary>The inspector verified the rectification: the order is closed.</summary>
    Verified,
}

public enum RectificationAction
{
    Issue,
    Report,
    SendBack,
    Verify,
}

/// <summary>
/// Art. 15: a superior organ or the secrecy department orders the unit to resolve a deficiency within a deadline
/// (限期整改).
/// </summary>
public class RectificationOrder : IAudited, IVersioned
{
    public int Id { get; set; }

    public int FindingId { get; set; }

    public Finding? Finding { get; set; }

    /// <summary>The ordered unit, denormalized for jurisdiction and for the unit's list of open orders.</summary>
    public int UnitId { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly Deadline { get; set; }

    /// <summary>What the unit must do.</summary>
    public string Requirements { get; set; } = "";

    public RectificationStatus Status { get; set; }

    /// <summary>The unit's latest report of what it did.</summary>
    public string? Report { get; set; }

    public DateOnly? ReportedOn { get; set; }

    public DateOnly? VerifiedOn { get; set; }

    public ICollection<RectificationTransition> Transitions { get; set; } = [];

    /// <summary>The files the unit gave as evidence of its rectification, stored like an activity's evidence.</summary>
    public ICollection<EvidenceFile> Evidence { get; set; } = [];

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>One step of an order's workflow: who did what, when.</summary>
public class RectificationTransition
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public RectificationAction Action { get; set; }

    public RectificationStatus ToStatus { get; set; }

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";

    /// <summary>The report text, or the reason an order was sent back.</summary>
    public string? Note { get; set; }
}
