namespace SecrecyDuty.Core.Units;

/// <summary>A Party or state organ, institution or enterprise in the province's unit tree (art. 2).</summary>
public class Unit
{
    public int Id { get; set; }

    /// <summary>Stable organization code, unique across the province.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    public ICollection<Unit> Children { get; set; } = [];

    /// <summary>Units are deactivated, never deleted, once records refer to them.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }
}
