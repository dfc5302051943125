using SecrecyDuty.Core.Auditing;

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
public class Unit : IAudited
{
    public int Id { get; set; }

    /// <summary>Stable organization code, unique across the province.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public UnitKind Kind { get; set; } = UnitKind.PartyOrgan;

    public AdministrativeLevel Level { get; set; } = AdministrativeLevel.Provincial;

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    public ICollection<Unit> Children { get; set; } = [];

    /// <summary>Units are deactivated, never deleted, once records refer to them.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    int? IAudited.AuditUnitId => Id;
}
