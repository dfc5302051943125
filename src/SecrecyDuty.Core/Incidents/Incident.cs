using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Incidents;

/// <summary>Implementing Measures art. 35: what makes a leak.</summary>
public enum LeakType
{
    /// <summary>(1) The state secret became known to someone not entitled to know it.</summary>
    KnownByUnentitled,

    /// <summary>(2) It went beyond its limited scope and it cannot be proved that no such person learned it.</summary>
    BeyondScopeNotProvable,
}

public enum SecretCarrier
{
    Paper,
    Electronic,
    Verbal,
    Other,
}

/// <summary>The life of an incident file: registered → under investigation → under discipline review → decided → closed.</summary>
public enum IncidentStatus
{
    Registered,
    UnderInvestigation,
    UnderDisciplineReview,
    Decided,
    Closed,
}

public enum IncidentAction
{
    Register,
    StartInvestigation,
    SendToDisciplineReview,
    Decide,
    Close,
}

/// <summary>
/// A leak incident file (arts. 10–16 and the appendix). The most restricted record of the product: only secrecy
/// officers and discipline officials of the jurisdiction read it (<see cref="IncidentAccess"/>), optionally only the
/// named accounts (need to know), and every opening is recorded. It never holds secret content: the description is a
/// short account of what happened, under a visible warning.
/// </summary>
public class Incident : IAudited, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>A short neutral title (no secret content): unit leaders never see even this.</summary>
    public string Title { get; set; } = "";

    public DateOnly? OccurredOn { get; set; }

    public DateTime DiscoveredAtUtc { get; set; }

    public DateTime? ReportedToSecrecyDepartmentAtUtc { get; set; }

    public DateTime? ReportedToSuperiorAtUtc { get; set; }

    public Classification Classification { get; set; }

    public LeakType LeakType { get; set; }

    public SecretCarrier Carrier { get; set; }

    public string Description { get; set; } = "";

    /// <summary>IM30 and IM31: the aggravating facts established.</summary>
    public List<AggravatingFact> AggravatingFacts { get; set; } = [];

    public CircumstanceSeverity? Severity { get; set; }

    public Loss Loss { get; set; }

    /// <summary>IM34: illegal gains confiscated to the treasury, in yuan.</summary>
    public decimal? IllegalGainsConfiscated { get; set; }

    /// <summary>S6.10: the remedial measures taken and the rectification plan.</summary>
    public string? RemedialMeasures { get; set; }

    public IncidentStatus Status { get; set; }

    /// <summary>Need to know: only the accounts in <see cref="Grants"/> open the file, whatever their role.</summary>
    public bool RestrictedToNamedAccounts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public ICollection<IncidentPerson> Persons { get; set; } = [];

    public ICollection<IncidentTransition> Transitions { get; set; } = [];

    public ICollection<IncidentGrant> Grants { get; set; } = [];

    public ICollection<IncidentFinding> LinkedFindings { get; set; } = [];

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>
/// A person involved: a leader through the posting that held at the time, or another person by name and post; the
/// relation to a leader where it matters (art. 14), the involvement, Party membership, and whether the leader proved
/// proper performance of the duties (art. 16).
/// </summary>
public class IncidentPerson : IAudited
{
    public int Id { get; set; }

    public int IncidentId { get; set; }

    public int UnitId { get; set; }

    public int? PostingId { get; set; }

    public Posting? Posting { get; set; }

    public string? Name { get; set; }

    public string? Post { get; set; }

    /// <summary>Art. 14: the leader's staff, spouse or child, and the leader's posting.</summary>
    public RelatedPerson? Relation { get; set; }

    public int? RelatedPostingId { get; set; }

    public Involvement Involvement { get; set; }

    public bool IsPartyMember { get; set; }

    public bool ProvedProperPerformance { get; set; }

    /// <summary>The discipline official's decision on this person, once recorded.</summary>
    public SanctionDecision? Decision { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>
/// The decision recorded for a person of a file (arts. 11–16): the administrative sanction and, for a Party member, the
/// Party sanction (none is a decision too), with the decision date and document number. A decision outside the range
/// the sanction guidance computed is kept only with a written justification.
/// </summary>
public class SanctionDecision : IAudited, IVersioned
{
    /// <summary>The person decided on: one decision per person.</summary>
    public int IncidentPersonId { get; set; }

    public int IncidentId { get; set; }

    public int UnitId { get; set; }

    /// <summary>Null: no administrative sanction.</summary>
    public AdministrativeSanction? Administrative { get; set; }

    /// <summary>Null: no Party sanction.</summary>
    public PartySanction? Party { get; set; }

    public DateOnly DecidedOn { get; set; }

    public string DocumentNumber { get; set; } = "";

    /// <summary>Whether the decision lies outside the guidance's range when recorded; then <see cref="Justification"/> says why.</summary>
    public bool OutsideGuidance { get; set; }

    public string? Justification { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public string RecordedBy { get; set; } = "";

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

public class IncidentTransition
{
    /// <summary>The longest note on a step (the column's length).</summary>
    public const int NoteMaxLength = 4000;

    public int Id { get; set; }

    public int IncidentId { get; set; }

    public IncidentAction Action { get; set; }

    public IncidentStatus ToStatus { get; set; }

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>An account named on a need-to-know file (or asked for a statement on it).</summary>
public class IncidentGrant : IAudited
{
    public int IncidentId { get; set; }

    public string UserId { get; set; } = "";

    // Who may read a need-to-know file is in the trail under the file's unit (issue 14: every write).
    int? IAudited.AuditUnitId => null;
}

/// <summary>Who opened a file, and when.</summary>
public class IncidentOpening
{
    public long Id { get; set; }

    public int IncidentId { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

/// <summary>An inspection finding (D15.x) the incident is linked to.</summary>
public class IncidentFinding : IAudited
{
    public int IncidentId { get; set; }

    public int FindingId { get; set; }

    // A link to a finding is part of the file: in the trail under the file's unit.
    int? IAudited.AuditUnitId => null;
}
