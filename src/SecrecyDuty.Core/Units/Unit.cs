using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Units;

/// <summary>Unit kinds of art. 2: whose leaders the measure applies to.</summary>
public enum UnitKind
{
    PartyOrgan,
    StateOrgan,
    SocialOrganization,
    PublicInstitution,
    StateOwnedEnterprise,

    /// <summary>Any other unit that handles state secrets: its whole leadership team is in scope (art. 2).</summary>
    OtherSecretHandlingUnit,
}

/// <summary>Administrative level of the unit itself (省级, 地市/厅局级, 县处级, 乡科级).</summary>
public enum AdministrativeLevel
{
    Provincial,
    Prefectural,
    County,
    Township,
}

/// <summary>A Party or state organ, institution or enterprise in the province's unit tree (art. 2).</summary>
public class Unit : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>Stable organization code, unique across the province.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public UnitKind Kind { get; set; } = UnitKind.PartyOrgan;

    public AdministrativeLevel Level { get; set; } = AdministrativeLevel.Provincial;

    /// <summary>
    /// Art. 2 names only large and medium state-owned enterprises (国有大、中型企业): the leaders of a smaller one are
    /// not in scope. Meaningful only for <see cref="UnitKind.StateOwnedEnterprise"/>.
    /// </summary>
    public bool IsLargeOrMediumEnterprise { get; set; }

    /// <summary>The date the unit was set up; null when not recorded (the unit is then judged for every year).</summary>
    public DateOnly? EstablishedOn { get; set; }

    /// <summary>The date the unit closed (set when it is deactivated); years after it are not judged.</summary>
    public DateOnly? ClosedOn { get; set; }

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    public ICollection<Unit> Children { get; set; } = [];

    /// <summary>Units are deactivated, never deleted, once records refer to them.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => Id;
}
