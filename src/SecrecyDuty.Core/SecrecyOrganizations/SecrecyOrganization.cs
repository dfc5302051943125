using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>保密委员会 or 保密领导小组 (art. 5 (二)).</summary>
public enum SecrecyOrganizationKind
{
    Committee,
    LeadingGroup,
}

/// <summary>A unit's secrecy organization (P5.2): one per unit.</summary>
public class SecrecyOrganization : IAudited, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public SecrecyOrganizationKind Kind { get; set; }

    public DateOnly EstablishedOn { get; set; }

    /// <summary>Chair: normally the leader in charge of secrecy work (art. 6 (一)).</summary>
    public int? ChairLeaderId { get; set; }

    public Leader? ChairLeader { get; set; }

    /// <summary>Name of the secrecy office (保密办) that does the daily work.</summary>
    public string? OfficeName { get; set; }

    public string? OfficeHead { get; set; }

    public string? OfficePhone { get; set; }

    /// <summary>Annual budget in yuan for <see cref="BudgetYear"/> (P5.2: funds assured).</summary>
    public decimal? AnnualBudget { get; set; }

    public int? BudgetYear { get; set; }

    /// <summary>Facilities and working conditions (P5.2).</summary>
    public string? Facilities { get; set; }

    public ICollection<SecrecyOrganizationMember> Members { get; set; } = [];

    public ICollection<SecrecyCadre> Cadres { get; set; } = [];

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

public class SecrecyOrganizationMember : IAudited
{
    public int Id { get; set; }

    public int SecrecyOrganizationId { get; set; }

    /// <summary>A member who is a leader of record; null for other members (department heads).</summary>
    public int? LeaderId { get; set; }

    public Leader? Leader { get; set; }

    public string Name { get; set; } = "";

    public string? Position { get; set; }

    int? IAudited.AuditUnitId => null;
}

/// <summary>保密干部: full-time or part-time secrecy cadre, with the last training date.</summary>
public class SecrecyCadre : IAudited
{
    public int Id { get; set; }

    public int SecrecyOrganizationId { get; set; }

    public string Name { get; set; } = "";

    public bool IsFullTime { get; set; }

    public string? Position { get; set; }

    public DateOnly? LastTrainedOn { get; set; }

    int? IAudited.AuditUnitId => null;
}

/// <summary>One of R1–R9 in a unit's rule register (S6.6), with its adoption and revision dates.</summary>
public class RuleRegisterEntry : IAudited, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public int RuleAreaId { get; set; }

    public RuleArea? RuleArea { get; set; }

    public DateOnly AdoptedOn { get; set; }

    public DateOnly? LastRevisedOn { get; set; }

    /// <summary>The document that adopted or last revised the rules (文号).</summary>
    public string DocumentReference { get; set; } = "";

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>
/// A rule area of S6.6 that does not apply to the unit: the rules are made "结合本单位工作特点", so a unit without, say,
/// science and technology work needs no R8 rules. Recorded by the secrecy office with the reason; counts as met.
/// </summary>
public class RuleAreaExemption : IAudited, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public int RuleAreaId { get; set; }

    public RuleArea? RuleArea { get; set; }

    public string Reason { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}
